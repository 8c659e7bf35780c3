using System.IO.Compression;
using System.Security.Cryptography;
using System.Globalization;
using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Persistence.EfCore;
using Collab.Portal;
using Collab.Registry;
using Collab.Storage;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Tests.Domain;

/// <summary>
/// Issue 17, finding 6: input written by an attacker is refused cleanly — a typed refusal that says what is wrong —
/// never a crash, an <see cref="IOException"/> or memory that grows with the input (SEC-2, LIC-3, SHARE-7, SHARE-10).
/// </summary>
public sealed class HostileInputTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static readonly char[] Invisible = ['\0', '\n', '\r', '\t', '\u001B', '\u007F', '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    // R: LIC-3
    [Fact]
    public void LIC3_a_one_megabyte_line_is_refused_on_a_small_stack_without_a_crash()
    {
        var options = new CollabOptions();
        options.Licences.MaxFileBytes = 1 << 20;
        options.Licences.TrustedKeys.Add(LicenceKeys.Trusted.AsTrusted());
        var verifier = new LicenceVerifier(Options.Create(options));
        var file = Encoding.ASCII.GetBytes(LicenceFormat.Magic + "test-issuer\n" + new string('A', 1_000_000) + "\nAAAA\n");
        Exception? outcome = null;

        // A 1 MiB stack: a stack buffer the size of the line would end the process here, not throw.
        var thread = new Thread(() => outcome = Record.Exception(() => verifier.Verify(file)), maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();

        var refusal = Assert.IsType<CollabRefusalException>(outcome);
        Assert.StartsWith("licence.", refusal.Code, StringComparison.Ordinal);
    }

    // R: LIC-3
    [Fact]
    public void LIC3_signed_content_with_a_key_twice_is_refused()
    {
        var signed = Encoding.UTF8.GetString(LicenceFormat.Serialize(LicenceKeys.ClientLicence(ClientId.New(), AdministrationNumber.From(4711))));
        var twice = signed.Replace("\"licensee\":", "\"licensee\":{\"kind\":\"office\",\"id\":\"" + Guid.NewGuid() + "\",\"name\":\"Kantoor\"},\"licensee\":", StringComparison.Ordinal);

        var refusal = Assert.Throws<CollabRefusalException>(() => LicenceFormat.Deserialize(Encoding.UTF8.GetBytes(twice)));

        Assert.Equal("licence.unreadable-content", refusal.Code);
        Assert.NotNull(LicenceFormat.Deserialize(Encoding.UTF8.GetBytes(signed))); // the same content once is read
    }

    // R: SEC-2, SHARE-7
    [Fact]
    public void SEC2_a_bidi_override_in_a_name_or_a_file_name_is_refused_naming_the_character()
    {
        var name = Assert.Throws<CollabRefusalException>(() => Client.Register("Bakker\u202Egpj.exe", Actor.System("t"), Now));
        Assert.Equal("client-name.invisible-character", name.Code);
        Assert.Contains("U+202E (RIGHT-TO-LEFT OVERRIDE) at position 7", name.Message, StringComparison.Ordinal);

        var file = Assert.Throws<CollabRefusalException>(() => PortalDocument.CheckFileName("evil\u202Egpj.exe"));
        Assert.Equal("document.file-name.invisible-character", file.Code);
        Assert.Contains("U+202E", file.Message, StringComparison.Ordinal);
        Assert.Contains("NUL", Assert.Throws<CollabRefusalException>(() => PortalDocument.CheckFileName("a\0b.pdf")).Message, StringComparison.Ordinal);
    }

    // R: SEC-2
    [Property(MaxTest = 300)]
    public bool SEC2_any_name_with_an_invisible_character_is_refused_and_any_visible_name_is_kept(NonEmptyString text, int at, byte which)
    {
        var visible = new string(text.Get.Where(c => !Guard.IsHidden(CharUnicodeInfo.GetUnicodeCategory(c)) && !Invisible.Contains(c)).Take(150).ToArray()).Trim();
        if (visible.Length == 0)
        {
            return true;
        }

        var hidden = Invisible[which % Invisible.Length];
        var position = Math.Abs(at % (visible.Length + 1));
        var hostile = visible.Insert(position, hidden.ToString());
        var trimmedAway = hostile.Trim().IndexOf(hidden) < 0; // a trailing tab or line break is trimmed, not refused
        var refused = Record.Exception(() => Client.Register(hostile, Actor.System("t"), Now)) is CollabRefusalException { Code: "client-name.invisible-character" };
        return Client.Register(visible, Actor.System("t"), Now).Name == visible && (refused || trimmedAway);
    }

    private static readonly string[] Hidden = ["\u200B", "\u200C", "\u200D", "\u200E", "\u202E", "\u2066", "\u2028", "\u2029", "\uFEFF", "\u00AD", "\u0000", "\n", "\u001B", "\u0085", "\uD800", "\uDC00", "\U000E0041"];

    private static readonly string[] PathLike = ["/", "\\", "\uFF0F", "\u2215", "\u2044", "\uFF3C", ":", "\uFF1A"];

    private static readonly string[] Dutch = ["a", "Z", "é", "ë", "ï", "’", "&", "-", "7", " ", "B.V.", "’t ", "Zn", "ĳ", "(", ")", "_", ","];

    // Names made of good Dutch text with now and then a hidden character, a separator, a dot or any character at all.
    private static readonly Arbitrary<string> Names = Arb.From(
        from parts in Gen.ListOf(Gen.Frequency(
            (8, Gen.Elements(Dutch)), (2, Gen.Elements(Hidden)), (2, Gen.Elements(PathLike)), (1, Gen.Elements(".", "..")),
            (1, ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()))))
        select string.Concat(parts));

    private static string? Accepted(Func<string> check)
    {
        try
        {
            return check();
        }
        catch (CollabRefusalException refused)
        {
            Assert.Equal(RefusalKind.InvalidInput, refused.Kind); // SEC-2: a typed refusal, never anything else
            return null;
        }
    }

    // Printable text: whole characters (no half surrogate pair), none of them a control, format or line/paragraph separator.
    private static bool Printable(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }

            rest = rest[used..];
        }

        // A lone surrogate is caught above; "\uD800" inside a whole pair (U+10000) is a printable character, not a hidden one.
        return !Hidden.Where(h => !(h.Length == 1 && char.IsSurrogate(h[0]))).Any(h => text.Contains(h, StringComparison.Ordinal));
    }

    // R: SEC-2, SHARE-14
    [Property(MaxTest = 500)]
    public Property SEC2_SHARE14_accepted_names_and_file_names_never_contain_a_hidden_separator_or_path_like_character() =>
        Prop.ForAll(Names, text =>
        {
            var name = Accepted(() => Client.Register(text, Actor.System("t"), Now).Name);
            var file = Accepted(() => PortalDocument.CheckFileName(text));
            var nameHolds = name is null || Printable(name);
            var fileHolds = file is null || (Printable(file) && !PathLike.Any(p => file.Contains(p, StringComparison.Ordinal)) && file[0] != '.' && file[^1] != '.');
            var goodKept = !text.All(c => Dutch.Any(d => d.Contains(c, StringComparison.Ordinal))) || text.Trim().Length is 0 or > 200 || name == text.Trim();
            return (nameHolds && fileHolds && goodKept).Label($"name={(name is null ? "null" : string.Join(" ", name.Select(c => ((int)c).ToString("X4"))))} file={(file is null ? "null" : string.Join(" ", file.Select(c => ((int)c).ToString("X4"))))} {nameHolds} {fileHolds} {goodKept}");
        });

    // R: SEC-2, SHARE-14
    [Fact]
    public void SEC2_SHARE14_zero_width_spaces_separators_and_slash_look_alikes_are_refused_and_good_dutch_names_kept()
    {
        foreach (var good in new[] { "Café De Zeeën", "Hoveniersbedrijf Van ’t Hof & Zn.", "Ruïne-Beheer 2026", "Bakkerij Ĳsselstein B.V.", "a.\U00010000ëZn" })
        {
            Assert.Equal(good, Client.Register(good, Actor.System("t"), Now).Name);
        }

        foreach (var good in new[] { "Jaarrekening 2025 – Café ’t Hoekje.pdf", "Brief (concept) v2.docx", "IB-aangifte_2025 & bijlagen.pdf", "Zeeën.csv" })
        {
            Assert.Equal(good, PortalDocument.CheckFileName(good));
        }

        var zeroWidth = Assert.Throws<CollabRefusalException>(() => Client.Register("Bakker\u200BBakker", Actor.System("t"), Now));
        Assert.Equal("client-name.invisible-character", zeroWidth.Code);
        Assert.Contains("U+200B (ZERO WIDTH SPACE) at position 7", zeroWidth.Message, StringComparison.Ordinal);
        Assert.Contains("a line break", Assert.Throws<CollabRefusalException>(() => Office.Register("Kantoor\u2028De Vries", DateTimeZone.Utc, Actor.System("t"), Now)).Message, StringComparison.Ordinal);
        Assert.Equal("client-name.invisible-character", Assert.Throws<CollabRefusalException>(() => Client.Register("Bakker\u2029B.V.", Actor.System("t"), Now)).Code);
        Assert.Equal("document.file-name.invisible-character", Assert.Throws<CollabRefusalException>(() => PortalDocument.CheckFileName("rapport\u200E.pdf")).Code);

        foreach (var bad in new[] { "jaar\uFF0F2025.pdf", "a\u2215b.pdf", "a\u2044b.pdf", "a\uFF3Cb.pdf", "a/b.pdf", "a\\b.pdf", "c:boot.ini", "rapport\uFF1A2025.pdf", "..", ".", ".htaccess", "rapport.", "wat?.pdf", "a|b.pdf" })
        {
            var refused = Assert.Throws<CollabRefusalException>(() => PortalDocument.CheckFileName(bad));
            Assert.Equal(("document.file-name-invalid", "SHARE-14"), (refused.Code, refused.Refusal.RuleId));
        }
    }

    // R: SEC-2
    [Fact]
    public async Task SEC2_blob_keys_have_one_spelling_and_every_other_is_a_refusal_not_an_IO_error()
    {
        var root = Directory.CreateTempSubdirectory("collab-keys-").FullName;
        try
        {
            var store = new FileSystemBlobStore(root);
            foreach (var key in new[] { "a/./b", "a//b", "./x", ".", "a/", "/a", "a/../b", "..", "A/b", "a b", "a\\b", new string('a', 201) })
            {
                var refusal = await Assert.ThrowsAsync<CollabRefusalException>(() => store.WriteAsync(key, new MemoryStream([1]), CancellationToken.None));
                Assert.Equal("blob-key.invalid", refusal.Code);
                Assert.Equal("blob-key.invalid", (await Assert.ThrowsAsync<CollabRefusalException>(() => store.OpenReadAsync(key, CancellationToken.None))).Code);
            }

            await store.WriteAsync("logos/a.b-c/x.svg", new MemoryStream([1, 2, 3]), CancellationToken.None);
            await using var read = await store.OpenReadAsync("logos/a.b-c/x.svg", CancellationToken.None);
            Assert.NotNull(read);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // R: SEC-2
    [Property(MaxTest = 300)]
    public bool SEC2_a_key_is_canonical_exactly_when_it_splits_into_allowed_non_dot_segments(string? key)
    {
        var expected = key is { Length: > 0 and <= 200 }
                       && key.Split('/').All(s => s.Length > 0 && s is not "." and not ".." && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'));
        return BlobKey.IsCanonical(key) == expected;
    }

    // R: SEC-2
    [SkippableFact]
    public async Task SEC2_a_symbolic_link_inside_the_blob_folder_is_not_followed()
    {
        var root = Directory.CreateTempSubdirectory("collab-links-").FullName;
        var outside = Directory.CreateTempSubdirectory("collab-outside-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "secret.txt"), "geheim");
            try
            {
                Directory.CreateSymbolicLink(Path.Combine(root, "logos"), outside);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                Skip.If(true, $"this machine does not allow symbolic links: {e.Message}");
            }

            var store = new FileSystemBlobStore(root);
            await Assert.ThrowsAsync<IOException>(() => store.OpenReadAsync("logos/secret.txt", CancellationToken.None));
            await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("logos/new.txt", new MemoryStream([1]), CancellationToken.None));
            Assert.False(File.Exists(Path.Combine(outside, "new.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }

    // R: SHARE-10
    [Theory]
    [InlineData("https://user:pass@cdn.example/logo.svg", false)]
    [InlineData("https://cdn.example/logo.svg\" onload=\"alert(1)", false)]
    [InlineData("https://cdn.example/<script>", false)]
    [InlineData("http://cdn.example/logo.svg", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("logos/../../etc/passwd", false)]
    [InlineData("https://cdn.example/logos/de-vries.svg", true)]
    [InlineData("logos/de-vries.svg", true)]
    public void SHARE10_a_logo_is_an_https_address_without_credentials_or_quotes_or_a_canonical_storage_key(string logo, bool accepted)
    {
        var request = new HouseStyleRequest("de-vries", logo, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom");
        var outcome = Record.Exception(() => HouseStyle.Create(OfficeId.New()).Apply(request, [], Actor.System("t"), Now));
        Assert.Equal(accepted, outcome is null);
        if (!accepted)
        {
            Assert.Equal("house-style.logo-invalid", Assert.IsType<CollabRefusalException>(outcome).Code);
        }
    }
}

/// <summary>Memory measurements run alone: process-wide allocation counts would include other tests' work.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

/// <summary>Finding 6: a backup's manifest is capped while it streams.</summary>
[Collection(AloneCollection.Name)]
public sealed class BackupArtefactLimits
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    // R: ONB-5, LIC-7
    [Fact]
    public async Task ONB5_a_backup_manifest_larger_than_its_cap_is_refused_while_streaming_with_bounded_memory()
    {
        var root = Directory.CreateTempSubdirectory("collab-bomb-").FullName;
        try
        {
            var store = new FileSystemBlobStore(root);
            using var artefact = new MemoryStream();
            using (var zip = new ZipArchive(artefact, ZipArchiveMode.Create, leaveOpen: true))
            {
                await using var manifest = zip.CreateEntry("manifest.json", CompressionLevel.SmallestSize).Open();
                await manifest.WriteAsync(Encoding.ASCII.GetBytes("{\"Format\":1,\"Name\":\""));
                var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
                for (var i = 0; i < 64; i++)
                {
                    await manifest.WriteAsync(chunk); // 64 MiB of name, a few hundred kilobytes compressed
                }

                await manifest.WriteAsync(Encoding.ASCII.GetBytes("\"}"));
            }

            var bytes = artefact.ToArray();
            await store.WriteAsync("backups/bomb.zip", new MemoryStream(bytes), CancellationToken.None);
            var administration = Administration.Create(ClientId.New(), CompanyId.New(), AdministrationNumber.From(99), "Bom", null, null,
                LicenceSource.ClientFile, AdministrationState.Live, Actor.System("t"), Now);
            var backup = Backup.Record(BackupId.New(), administration, BackupPurpose.Backup, "backups/bomb.zip",
                Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, Actor.System("t"), Now);

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var refusal = await Assert.ThrowsAsync<CollabRefusalException>(() => BackupArtefact.VerifyAsync(store, backup, CancellationToken.None));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.Equal("backup.corrupt", refusal.Code);
            Assert.Contains("manifest is larger than", refusal.Message, StringComparison.Ordinal);
            Assert.True(allocated < 32L << 20, $"refusing the 64 MiB manifest allocated {allocated >> 20} MiB");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
