using System.Text.Json;
using Collab.Portal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Collab.Tests.Portal;

/// <summary>SHARE-9 as a property: however a template is edited and sent, what each client received stays as it was sent.</summary>
public sealed class QuestionnaireProperties
{
    private static readonly Gen<QuestionnaireSection[]> Contents =
        from sectionCount in Gen.Choose(1, 4)
        from sections in Gen.ArrayOf(
            from part in Gen.Elements("auto", "hypotheek", "giften", "zorgkosten", "box 3")
            from count in Gen.Choose(1, 5)
            from types in Gen.ArrayOf(Gen.Elements(Enum.GetValues<AnswerType>()), count)
            from texts in Gen.ArrayOf(Gen.Elements("Bedrag?", "Datum?", "Toelichting", "Ja of nee?", "Bewijsstuk"), count)
            select (part, types, texts), sectionCount)
        select sections.Select((s, i) => new QuestionnaireSection(s.part,
            s.types.Select((t, j) => new QuestionDefinition($"s{i}-q{j}", s.texts[j], t, j % 2 == 0)).ToList())).ToArray();

    private static readonly Gen<List<(bool Edit, QuestionnaireSection[] Content)>> Histories =
        Gen.ListOf(Gen.Zip(Gen.Elements(true, false), Contents)).Select(l => l.ToList());

    // R: SHARE-9
    [Property(MaxTest = 300)]
    public Property SHARE9_editing_a_template_after_sending_never_changes_what_a_client_already_received()
    {
        return Prop.ForAll(Arb.From(Contents), Arb.From(Histories), (initial, history) =>
        {
            var now = Instant.FromUtc(2026, 3, 1, 9, 0);
            var actor = Actor.System("test");
            var template = QuestionnaireTemplate.Create(OfficeId.New(), "Aangifte", initial, actor, now);
            var sent = new List<(Questionnaire Questionnaire, string AtSending, int Version)>();
            foreach (var (edit, content) in history)
            {
                if (edit)
                {
                    template.Edit("Aangifte", content, actor, now);
                }
                else
                {
                    var questionnaire = Questionnaire.Send(template, ClientId.New(), CompanyId.New(), null, null, actor, now);
                    sent.Add((questionnaire, Serialize(template.Sections), template.TemplateVersion));
                }
            }

            return template.TemplateVersion == 1 + history.Count(h => h.Edit)
                   && sent.All(s => Serialize(s.Questionnaire.Sections) == s.AtSending && s.Questionnaire.TemplateVersion == s.Version);
        });
    }

    private static string Serialize(IReadOnlyList<QuestionnaireSection> sections) => JsonSerializer.Serialize(sections);
}
