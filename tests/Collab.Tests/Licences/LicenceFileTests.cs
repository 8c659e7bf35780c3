using System.Text;
using Collab.Licences;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Tests.Licences;

/// <summary>The licence file format and its verifier (LIC-3), without a database.</summary>
public sealed class LicenceFileTests
{
    private static readonly LicenceContent Content = LicenceKeys.ClientLicence(ClientId.New(), AdministrationNumber.From(4711));

    private static LicenceVerifier Verifier(params LicenceKeys[] trusted)
    {
        var options = new CollabOptions();
        foreach (var key in trusted)
        {
            options.Licences.TrustedKeys.Add(key.AsTrusted());
        }

        return new LicenceVerifier(Options.Create(options));
    }

    private static CollabRefusalException Refused(LicenceVerifier verifier, byte[] file) =>
        Assert.Throws<CollabRefusalException>(() => verifier.Verify(file));

    // R: LIC-3
    [Fact]
    public void LIC3_a_signed_file_reads_back_exactly_what_the_issuer_wrote()
    {
        var file = LicenceKeys.Trusted.Sign(Content);

        var verified = Verifier(LicenceKeys.Trusted).Verify(file);

        Assert.Equal(Content, verified.Content);
        Assert.Equal("test-issuer", verified.KeyId);
        Assert.Equal(64, verified.Fingerprint.Length);
        Assert.StartsWith("COLLAB-LICENCE 1 test-issuer\n", Encoding.ASCII.GetString(file), StringComparison.Ordinal);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_windows_line_endings_still_verify_as_the_same_licence()
    {
        var file = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(LicenceKeys.Trusted.Sign(Content)).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(Content, Verifier(LicenceKeys.Trusted).Verify(file).Content);
    }

    // R: LIC-3
    [Theory]
    [InlineData("", "licence.empty")]
    [InlineData("hello", "licence.malformed")]
    [InlineData("COLLAB-LICENCE 2 test-issuer\nAA\nAA\n", "licence.malformed")]
    [InlineData("PK\u0003\u0004 a zip file\n\n\n", "licence.malformed")]
    [InlineData("COLLAB-LICENCE 1 Test_Issuer\nAA\nAA\n", "licence.malformed")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\n!!!\nAA\n", "licence.malformed")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA\nAA\n", "licence.malformed")] // signature of 1 byte
    public void LIC3_files_that_are_not_licences_are_refused_with_their_own_reason(string text, string code)
    {
        var refusal = Refused(Verifier(LicenceKeys.Trusted), Encoding.ASCII.GetBytes(text));

        Assert.Equal(code, refusal.Code);
        Assert.Equal("LIC-3", refusal.Refusal.RuleId);
    }

    // R: LIC-3
    [Theory]
    [InlineData("hello", "it has no line breaks")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA", "it ends after the first line")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA\nAA", "it is cut off in the signature line")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA\nAA\nmore", "there is text after the signature line")]
    [InlineData("PK\u0003\u0004 a zip file\n\n\n", "it does not start with 'COLLAB-LICENCE'")]
    [InlineData("COLLAB-LICENCE 2 test-issuer\nAA\nAA\n", "its format version is not 1")]
    [InlineData("COLLAB-LICENCE 1 Test_Issuer\nAA\nAA\n", "its key id is not 1 to 32 characters")]
    [InlineData("COLLAB-LICENCE 1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nAA\nAA\n", "its key id is not 1 to 32 characters")] // 33
    [InlineData("COLLAB-LICENCE 1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nAA\nAA\n", "its signature has 1 bytes instead of 64")] // 32 is a key id
    [InlineData("COLLAB-LICENCE 1 test-issuer\n\nAA\n", "its content line is empty")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA\n\n", "its signature line is empty")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\n!!!\nAA\n", "its content line is not base64url")]
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA==\nAA\n", "its content line is not canonical base64url")] // padding: one licence has one spelling
    [InlineData("COLLAB-LICENCE 1 test-issuer\nAA\nAA\n", "its signature has 1 bytes instead of 64")]
    public void LIC3_a_malformed_file_is_refused_naming_what_is_wrong_with_it(string text, string reason)
    {
        var refusal = Refused(Verifier(LicenceKeys.Trusted), Encoding.ASCII.GetBytes(text));

        Assert.Equal("licence.malformed", refusal.Code);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_a_licence_is_valid_from_its_first_through_its_last_day_and_equal_only_field_for_field()
    {
        Assert.False(Content.IsValidOn(Content.ValidFrom.PlusDays(-1)));
        Assert.True(Content.IsValidOn(Content.ValidFrom));
        Assert.True(Content.IsValidOn(Content.ValidUntil));
        Assert.False(Content.IsValidOn(Content.ValidUntil.PlusDays(1)));

        Assert.True(Content.Equals(Content with { Modules = [.. Content.Modules] })); // lists compare by their items
        Assert.False(Content.Equals(null));
        foreach (var other in new[]
                 {
                     Content with { Serial = "other" }, Content with { Issuer = "other" }, Content with { LicenseeKind = LicenseeKind.Office },
                     Content with { LicenseeId = Guid.NewGuid() }, Content with { LicenseeName = "other" }, Content with { Administrations = [AdministrationNumber.From(1)] },
                     Content with { Modules = ["boekhouden"] }, Content with { ValidFrom = Content.ValidFrom.PlusDays(1) }, Content with { ValidUntil = Content.ValidUntil.PlusDays(1) },
                 })
        {
            Assert.False(Content.Equals(other), $"{other} equals {Content}");
        }
    }

    // R: LIC-3
    [Fact]
    public void LIC3_a_truncated_file_is_refused_as_malformed()
    {
        var file = LicenceKeys.Trusted.Sign(Content);

        Assert.Equal("licence.malformed", Refused(Verifier(LicenceKeys.Trusted), file[..^10]).Code);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_an_oversized_file_is_refused_before_it_is_read()
    {
        var file = new byte[16 * 1024 + 1];

        Assert.Equal("licence.too-large", Refused(Verifier(LicenceKeys.Trusted), file).Code);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_a_changed_payload_is_refused_as_tampered()
    {
        var text = Encoding.ASCII.GetString(LicenceKeys.Trusted.Sign(Content));
        var lines = text.Split('\n');
        var other = Encoding.ASCII.GetString(LicenceKeys.Trusted.Sign(Content with { ValidUntil = new LocalDate(2099, 12, 31) })).Split('\n');
        var forged = Encoding.ASCII.GetBytes($"{lines[0]}\n{other[1]}\n{lines[2]}\n"); // a longer validity with the old signature

        Assert.Equal("licence.tampered", Refused(Verifier(LicenceKeys.Trusted), forged).Code);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_a_file_signed_by_an_untrusted_issuer_is_refused_and_so_is_one_impersonating_a_trusted_key_id()
    {
        var stranger = new LicenceKeys("stranger");
        var impostor = new LicenceKeys("test-issuer"); // same key id, different key

        Assert.Equal("licence.unknown-issuer", Refused(Verifier(LicenceKeys.Trusted), stranger.Sign(Content)).Code);
        Assert.Equal("licence.tampered", Refused(Verifier(LicenceKeys.Trusted), impostor.Sign(Content)).Code);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_the_issuer_cannot_sign_content_that_would_not_verify()
    {
        var refusal = Assert.Throws<CollabRefusalException>(() => LicenceKeys.Trusted.Sign(Content with { ValidUntil = new LocalDate(2025, 1, 1) }));

        Assert.Equal("licence.invalid-content", refusal.Code);
        Assert.Contains("ends before it starts", refusal.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> ContentEdges() => new()
    {
        { "64-character serial", null }, { "65-character serial", "the serial must be 1 to 64 characters" }, { "blank serial", "the serial must be 1 to 64 characters" },
        { "200-character issuer", null }, { "201-character issuer", "the issuer must be 1 to 200 characters" },
        { "201-character licensee", "the licensee name must be 1 to 200 characters" }, { "undefined kind", "the licensee kind must be Client or Office" },
        { "empty licensee id", "the licensee id is empty" },
        { "1 administration", null }, { "100 administrations", null }, { "no administration", "it must cover 1 to 100 administration numbers" },
        { "101 administrations", "it must cover 1 to 100 administration numbers" }, { "administration 0", "its administration numbers must be valid and distinct" },
        { "an administration twice", "its administration numbers must be valid and distinct" },
        { "50 modules", null }, { "51 modules", "it may name at most 50 modules of 1 to 64 characters" }, { "64-character module", null },
        { "65-character module", "it may name at most 50 modules of 1 to 64 characters" }, { "blank module", "it may name at most 50 modules of 1 to 64 characters" },
        { "one day", null }, { "ends the day before it starts", "its validity ends before it starts" },
    };

    // R: LIC-3
    [Theory]
    [MemberData(nameof(ContentEdges))]
    public void LIC3_the_issuer_signs_content_up_to_every_limit_and_refuses_it_one_past(string edge, string? problem)
    {
        var numbers = Enumerable.Range(1, 101).Select(n => AdministrationNumber.From(n)).ToList();
        var content = edge switch
        {
            "64-character serial" => Content with { Serial = new string('s', 64) },
            "65-character serial" => Content with { Serial = new string('s', 65) },
            "blank serial" => Content with { Serial = " " },
            "200-character issuer" => Content with { Issuer = new string('i', 200) },
            "201-character issuer" => Content with { Issuer = new string('i', 201) },
            "201-character licensee" => Content with { LicenseeName = new string('n', 201) },
            "undefined kind" => Content with { LicenseeKind = (LicenseeKind)7 },
            "empty licensee id" => Content with { LicenseeId = Guid.Empty },
            "1 administration" => Content with { Administrations = numbers[..1] },
            "100 administrations" => Content with { Administrations = numbers[..100] },
            "no administration" => Content with { Administrations = [] },
            "101 administrations" => Content with { Administrations = numbers },
            "administration 0" => Content with { Administrations = [default] },
            "an administration twice" => Content with { Administrations = [numbers[0], numbers[0]] },
            "50 modules" => Content with { Modules = Enumerable.Range(0, 50).Select(i => $"m{i}").ToList() },
            "51 modules" => Content with { Modules = Enumerable.Range(0, 51).Select(i => $"m{i}").ToList() },
            "64-character module" => Content with { Modules = [new string('m', 64)] },
            "65-character module" => Content with { Modules = [new string('m', 65)] },
            "blank module" => Content with { Modules = ["boekhouden", ""] },
            "one day" => Content with { ValidFrom = Content.ValidUntil },
            _ => Content with { ValidFrom = Content.ValidUntil.PlusDays(1) },
        };

        if (problem is null)
        {
            Assert.Equal(content, Verifier(LicenceKeys.Trusted).Verify(LicenceKeys.Trusted.Sign(content)).Content); // signed and read back the same
        }
        else
        {
            var refusal = Assert.Throws<CollabRefusalException>(() => LicenceKeys.Trusted.Sign(content));
            Assert.Equal("licence.invalid-content", refusal.Code);
            Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
        }
    }

    // R: LIC-3
    [Fact]
    public void LIC3_options_refuse_an_unreadable_or_duplicate_trusted_key_at_start_up()
    {
        var options = new CollabOptions();
        options.Licences.TrustedKeys.Add(new TrustedLicenceKey { KeyId = "k1", PublicKey = "bm90IGEga2V5" });
        options.Licences.TrustedKeys.Add(LicenceKeys.Trusted.AsTrusted());
        options.Licences.TrustedKeys.Add(LicenceKeys.Trusted.AsTrusted());

        var result = new CollabOptionsValidator(NodaTime.DateTimeZoneProviders.Tzdb, [NodaTime.Extensions.TimeProviderExtensions.ToClock(TimeProvider.System)]).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("'k1'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("names key id 'test-issuer' 2 times", StringComparison.Ordinal));
    }

    private enum Mutation
    {
        Flip,
        Replace,
        Insert,
        Delete,
        Truncate,
        Duplicate,
    }

    // R: LIC-3
    [Property(MaxTest = 2000)]
    public Property LIC3_any_byte_level_mutation_is_refused_or_means_exactly_the_same_and_nothing_but_a_refusal_escapes()
    {
        var verifier = Verifier(LicenceKeys.Trusted, new LicenceKeys("second-issuer"));
        var original = LicenceKeys.Trusted.Sign(Content);
        var mutations =
            from kind in Gen.Elements(Enum.GetValues<Mutation>())
            from count in Gen.Choose(1, 4)
            from edits in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, original.Length - 1), Gen.Choose(0, 255)), count)
            select (kind, edits);

        return Prop.ForAll(Arb.From(mutations), mutation =>
        {
            var bytes = original.ToList();
            foreach (var (position, value) in mutation.edits)
            {
                var at = Math.Min(position, Math.Max(bytes.Count - 1, 0));
                switch (mutation.kind)
                {
                    case Mutation.Flip when bytes.Count > 0: bytes[at] ^= (byte)(1 << (value % 8)); break;
                    case Mutation.Replace when bytes.Count > 0: bytes[at] = (byte)value; break;
                    case Mutation.Insert: bytes.Insert(at, (byte)value); break;
                    case Mutation.Delete when bytes.Count > 0: bytes.RemoveAt(at); break;
                    case Mutation.Truncate: bytes = bytes.Take(at).ToList(); break;
                    case Mutation.Duplicate: bytes.InsertRange(at, bytes.Skip(at).Take(value % 40).ToList()); break;
                }
            }

            try
            {
                var verified = verifier.Verify(bytes.ToArray());
                return verified.Content.Equals(Content); // still verifies only if it says exactly the same
            }
            catch (CollabRefusalException refusal)
            {
                return refusal.Refusal.RuleId == "LIC-3";
            }
        });
    }

    // R: LIC-3
    [Property(MaxTest = 500)]
    public Property LIC3_random_bytes_and_files_signed_by_other_keys_are_never_accepted()
    {
        var verifier = Verifier(LicenceKeys.Trusted);
        var strangers = new[] { new LicenceKeys("test-issuer"), new LicenceKeys("other") };
        var inputs = Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => (Bytes: b, Foreign: false)),
            Gen.Elements(strangers).Select(k => (Bytes: k.Sign(Content), Foreign: true)));

        return Prop.ForAll(Arb.From(inputs), input =>
        {
            try
            {
                verifier.Verify(input.Bytes);
                return false;
            }
            catch (CollabRefusalException)
            {
                return true;
            }
        });
    }
}
