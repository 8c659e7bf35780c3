using System.Globalization;
using System.Text.RegularExpressions;
using Collab.Deliverables;
using Collab.Texts;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Texts;

/// <summary>TXT-1: every text in Dutch and English, the same placeholders in both, and no refusal or notification writing its own words in the rule code.</summary>
public sealed partial class TextCatalogueTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Collab.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static SortedSet<int> Placeholders(string template) => [.. Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    // R: TXT-1
    [Fact]
    public void TXT1_every_key_exists_in_Dutch_and_English_with_the_same_placeholders_and_reads_differently()
    {
        Assert.True(CollabTexts.Keys.Count > 200);
        foreach (var key in CollabTexts.Keys)
        {
            var english = CollabTexts.Find(key, CollabTexts.English);
            var dutch = CollabTexts.Find(key, CollabTexts.Dutch);
            Assert.False(string.IsNullOrWhiteSpace(english), key);
            Assert.False(string.IsNullOrWhiteSpace(dutch), key);
            Assert.True(Placeholders(english!).SetEquals(Placeholders(dutch!)), $"{key}: English {{{string.Join(",", Placeholders(english!))}}}, Dutch {{{string.Join(",", Placeholders(dutch!))}}}");
            if (!key.StartsWith("field.", StringComparison.Ordinal) && !key.StartsWith("noun.", StringComparison.Ordinal) && english!.Length > 12)
            {
                Assert.NotEqual(english, dutch); // translated, not copied
            }
        }
    }

    // A code (a literal, or a constant or parameter holding one), then the rule (a rule id, null, or a parameter), then the values.
    [GeneratedRegex(@"Refuse\.(?:Input|Unknown|Denied|Violation|Refusal)\((?:RefusalKind\.\w+,\s*)?(?:""(?<code>[a-z0-9.\-]+)""|[A-Za-z_]\w*),\s*(?<rule>null|""[A-Z]+-\d+""|[a-z_]\w*)\s*(?=[,)])")]
    private static partial Regex RefusalCall();

    [GeneratedRegex(@"Refuse\.(?:Input|Unknown|Denied|Violation|Refusal)\(")]
    private static partial Regex AnyRefusalCall();

    // R: TXT-1
    [Fact]
    public void TXT1_no_refusal_text_is_written_in_the_rule_code_every_code_has_its_text()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src", "Collab.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        var unknown = new List<string>();
        var literal = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (text.Contains("new Refusal(", StringComparison.Ordinal))
            {
                literal.Add($"{Path.GetFileName(file)}: new Refusal(…) with a text of its own");
            }

            if (text.Contains("new Notification(", StringComparison.Ordinal) && !file.EndsWith("NotifyExtensions.cs", StringComparison.Ordinal))
            {
                literal.Add($"{Path.GetFileName(file)}: a notification composed outside NotifyExtensions");
            }

            literal.AddRange(text.Split('\n').Where(l => (l.Contains("Notify(", StringComparison.Ordinal) || l.Contains("NotifyAsync(", StringComparison.Ordinal)
                || l.Contains("NotifyOfficeAsync(", StringComparison.Ordinal) || l.Contains("NotifyPartiesAsync(", StringComparison.Ordinal)) && l.Contains("$\"", StringComparison.Ordinal))
                .Select(l => $"{Path.GetFileName(file)}: {l.Trim()}"));

            var typed = RefusalCall().Matches(text).Select(m => m.Index).ToHashSet();
            foreach (Match call in AnyRefusalCall().Matches(text))
            {
                if (!typed.Contains(call.Index) && !text[call.Index..].StartsWith("Refuse.Refusal(kind", StringComparison.Ordinal))
                {
                    literal.Add($"{Path.GetFileName(file)}: {text.Substring(call.Index, Math.Min(90, text.Length - call.Index))}");
                }
            }

            unknown.AddRange(RefusalCall().Matches(text).Where(m => m.Groups["code"].Success).Select(m => m.Groups["code"].Value).Where(code => !CollabTexts.Keys.Contains(code)));
        }

        Assert.Empty(literal); // a code, then a rule id (or null), then the values: the words are in the catalogue
        Assert.Empty(unknown);
        Assert.True(files.Sum(f => RefusalCall().Matches(File.ReadAllText(f)).Count) > 150);
    }

    // R: TXT-1
    [Fact]
    public void TXT1_refusals_render_in_Dutch_and_English_from_the_same_code_and_values_dates_and_amounts_as_each_language_writes_them()
    {
        var texts = new CollabTexts([]);
        var feature = Assert.Throws<CollabRefusalException>(() => TierCatalogue.Default.Require(ClientTier.Standard, Feature.ShareAndApproveDeliverables)).Refusal;
        Assert.Equal("tier.feature-not-included", feature.Code);
        Assert.Equal("Functie ShareAndApproveDeliverables zit niet in pakket Standard: daarvoor is pakket Collaborate of hoger nodig. Wijzig eerst het pakket van de klant.",
            texts.Describe(feature, CollabTexts.Dutch));
        Assert.Equal(feature.Reason, texts.Describe(feature, CollabTexts.English)); // the Reason is the English text
        Assert.Equal(feature.Reason, texts.Describe(feature, CultureInfo.GetCultureInfo("de-DE"))); // no German: English

        var deadline = Refuse.Input("deliverable.deadline-passed", "SHARE-3", new LocalDate(2026, 12, 15)).Refusal;
        Assert.Equal("De deadline 15 december 2026 is al voorbij: kies een latere datum.", texts.Describe(deadline, CollabTexts.LanguageFor("nl-BE")));
        Assert.Equal("Deadline 2026-12-15 has already passed: give a later date.", deadline.Reason);

        var figures = Collab.Tests.Deliverables.DeliverableContract.Figures with { Current = Collab.Tests.Deliverables.DeliverableContract.Figures.Current with { CurrentAssets = 900_000.5m } };
        var inconsistent = Assert.Throws<CollabRefusalException>(() => { figures.Check(); }).Refusal;
        Assert.Equal("De cijfers over 2025 kloppen niet: de vlottende activa (900.000,50) zijn hoger dan het balanstotaal (800.000,00). Corrigeer ze en stuur ze opnieuw.",
            texts.Describe(inconsistent, CollabTexts.Dutch));
        Assert.Contains("current assets (900000.5) are above total assets (800000)", inconsistent.Reason, StringComparison.Ordinal);

        var name = Assert.Throws<CollabRefusalException>(() => Guard.Name("Bakkerij\u202Egpj.exe", "client name")).Refusal;
        Assert.Equal("client-name.invisible-character", name.Code); // codes stay language-neutral
        Assert.StartsWith("De naam van de klant bevat het onzichtbare teken U+202E", texts.Describe(name, CollabTexts.Dutch), StringComparison.Ordinal);
    }

    // R: TXT-1
    [Fact]
    public void TXT1_a_state_machines_reason_and_a_refused_downgrades_open_work_read_in_Dutch_too()
    {
        var texts = new CollabTexts([]);
        var machine = Refuse.Keyed(RefusalKind.RuleViolation, "deliverable.approve-not-permitted", "workflow.not-permitted", "SHARE-3", "Approve", Refuse.Reason("the approval deadline has passed"));
        Assert.Equal("Approve is not possible now: the approval deadline has passed.", machine.Reason);
        Assert.Equal("Approve kan nu niet: de termijn voor akkoord is verstreken.", texts.Describe(machine, CollabTexts.Dutch));

        var work = new[] { new TextRef("tier.open-work-item", new TextRef("openwork.approval", "Jaarrekening 2025", new LocalDate(2026, 6, 30)), "ShareAndApproveDeliverables") };
        var downgrade = Refuse.Refusal(RefusalKind.RuleViolation, "tier.open-work-needs-feature", "TIER-4", ClientTier.Standard, "klant-1", work);
        Assert.EndsWith("finish or withdraw first: approval of 'Jaarrekening 2025' (deadline 2026-06-30) (needs ShareAndApproveDeliverables).", downgrade.Reason, StringComparison.Ordinal);
        Assert.EndsWith("rond eerst af of trek in: akkoord op 'Jaarrekening 2025' (deadline 30 juni 2026) (vraagt ShareAndApproveDeliverables).", texts.Describe(downgrade, CollabTexts.Dutch), StringComparison.Ordinal);
    }

    private sealed class VendorTexts : ICollabTextOverrides
    {
        public string? Find(string key, CultureInfo culture) =>
            key == "link.spent" && culture.Name == "nl-NL" ? "Deze link is al gebruikt. Bel ons kantoor: 010 123 45 67." : null;
    }

    // R: TXT-1
    [Fact]
    public void TXT1_a_vendor_replaces_a_text_per_language_without_forking()
    {
        var services = new ServiceCollection();
        services.AddCollab().AddTextOverrides<VendorTexts>();
        using var provider = services.BuildServiceProvider();
        var texts = provider.GetRequiredService<CollabTexts>();
        var spent = ShareLink.LinkRefusal("link.spent").Refusal;

        Assert.Equal("Deze link is al gebruikt. Bel ons kantoor: 010 123 45 67.", texts.Describe(spent, CollabTexts.Dutch));
        Assert.Equal("This link was already used: ask your office to send a new one.", texts.Describe(spent, CollabTexts.English));
        Assert.Throws<KeyNotFoundException>(() => texts.Render("no.such-key", CollabTexts.Dutch));
    }

    // R: TXT-1
    [Fact]
    public void TXT1_refusals_made_outside_the_domain_read_the_same_from_the_catalogue()
    {
        var texts = new CollabTexts([]);
        foreach (var refusal in new[]
                 {
                     Assert.Throws<CollabRefusalException>(() => AdministrationNumber.From(0)).Refusal,
                     Assert.Throws<CollabRefusalException>(() => Storage.BlobKey.Check("../etc/passwd")).Refusal,
                 })
        {
            Assert.Equal(refusal.Reason, texts.Describe(refusal, CollabTexts.English));
            Assert.NotEqual(refusal.Reason, texts.Describe(refusal, CollabTexts.Dutch));
        }
    }
}
