using System.IO.Compression;
using System.Reflection;
using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Licences;

/// <summary>Licences and backups (LIC-1 … LIC-7, ONB-5, AUD-1), run unchanged on every engine.</summary>
public abstract class LicenceContract(Engine engine, PostgresServer? postgres)
{

    private Task<BooksWorld> NewWorldAsync() => BooksWorld.CreateAsync(engine, postgres);

    private static Task<OfficeView> GiveModulesAsync(BooksWorld b, OfficeModules modules) =>
        b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, b.W.Office.Id, modules));

    private static Task<AdministrationView> SetUpAsync(BooksWorld b, AdministrationNumber number) =>
        b.Run(sp => sp.GetRequiredService<LicenceService>().SetUpClientAdministrationAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, number, "Bakkerij (sjabloon)"));

    private static Task<LicenceReview> ReadAsync(BooksWorld b, AdministrationId administration, byte[] file) =>
        b.Run(sp => sp.GetRequiredService<LicenceImportService>().ReadClientLicenceAsync(b.W.Desk, administration, file));

    private static Task<AdministrationView> ImportAsync(BooksWorld b, AdministrationId administration, byte[] file, string fingerprint, ImportUser user) =>
        b.Run(sp => sp.GetRequiredService<LicenceImportService>().ImportClientLicenceAsync(b.W.Desk, administration, file, fingerprint, user));

    private static Task<BackupView> BackUpAsync(BooksWorld b, AdministrationId administration) =>
        b.Run(sp => sp.GetRequiredService<BackupService>().MakeBackupAsync(b.W.Desk, administration));

    /// <summary>An administration under the office's licence, with books, and the client's licence imported.</summary>
    private static async Task<(AdministrationView Administration, byte[] Licence)> LicensedAsync(BooksWorld b, byte[]? books = null)
    {
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        b.Books.WriteBooks(administration.Number, books ?? Encoding.UTF8.GetBytes($"journal of {administration.Number}: 1000 kas / 8000 omzet"));
        var licence = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number));
        var review = await ReadAsync(b, administration.Id, licence);
        await ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUser.Id));
        return (administration, licence);
    }

    // R: LIC-1
    [SkippableFact]
    public async Task LIC1_setting_up_a_client_administration_under_the_office_licence_needs_the_E_Accountancy_module()
    {
        await using var b = await NewWorldAsync();
        var number = TestDatabase.NextNumber();

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => SetUpAsync(b, number));
        Assert.Equal("licence.office-module-missing", refused.Code);
        Assert.Equal("LIC-1", refused.Refusal.RuleId);
        Assert.Null(await b.Run(sp => sp.GetRequiredService<IAdministrationStore>().FindLiveAdministrationByNumberAsync(number, CancellationToken.None)));

        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, number);

        Assert.Equal(b.W.Office.Id, administration.HolderOfficeId);
        Assert.Equal(LicenceSource.Office, administration.Licence);
        var officeAudit = await World.AuditAsync(b.Db, AuditSubject.Office(b.W.Office.Id));
        Assert.Contains(officeAudit, r => r.Action == AuditAction.OfficeModulesChanged && r.Details == "from=None;to=EAccountancy");
    }

    // R: LIC-3, LIC-2
    [SkippableFact]
    public async Task LIC3_import_is_read_then_confirm_and_reading_changes_nothing()
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        var licence = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number));

        var review = await ReadAsync(b, administration.Id, licence);

        Assert.Equal("Bakkerij Bakker", review.Licence.Content.LicenseeName);
        Assert.Equal(["boekhouden", "facturen"], review.Licence.Content.Modules);
        Assert.Equal(new LocalDate(2026, 12, 31), review.Licence.Content.ValidUntil);
        Assert.Equal(LicenceSource.Office, (await b.FindAsync(administration.Id))!.Licence);

        var imported = await ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUser.Id));

        Assert.Equal(LicenceSource.ClientFile, imported.Licence);
        Assert.Equal(Encoding.ASCII.GetString(licence), (await b.FindAsync(administration.Id))!.ClientLicenceFile);
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(administration.Id));
        var record = Assert.Single(audit, r => r.Action == AuditAction.LicenceImported);
        Assert.Contains($"fingerprint={review.Licence.Fingerprint}", record.Details, StringComparison.Ordinal);
        Assert.Equal(Actor.OfficeUser(b.W.OfficeUser.Id), record.Actor);
    }

    // R: LIC-3
    [SkippableFact]
    public async Task LIC3_confirming_a_different_file_than_the_one_reviewed_is_refused()
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        var reviewed = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number));
        var other = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number) with { Modules = ["alles"] });
        var review = await ReadAsync(b, administration.Id, reviewed);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            ImportAsync(b, administration.Id, other, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUser.Id)));

        Assert.Equal("licence.not-reviewed", refused.Code);
        Assert.Equal(LicenceSource.Office, (await b.FindAsync(administration.Id))!.Licence);
    }

    public static TheoryData<string, string> BadLicences => new()
    {
        { "expired", "licence.expired" },
        { "not-yet-valid", "licence.not-yet-valid" },
        { "other-client", "licence.wrong-licensee" },
        { "office-licence", "licence.wrong-licensee" },
        { "other-administration", "licence.wrong-administration" },
        { "tampered", "licence.tampered" },
        { "truncated", "licence.malformed" },
        { "untrusted", "licence.unknown-issuer" },
    };

    // R: LIC-3
    [SkippableTheory]
    [MemberData(nameof(BadLicences))]
    public async Task LIC3_each_bad_licence_is_refused_with_its_own_reason_at_both_steps_and_changes_nothing(string kind, string code)
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        var good = LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number); // the clock says 2026-03-29
        var file = kind switch
        {
            "expired" => LicenceKeys.Trusted.Sign(good with { ValidFrom = new LocalDate(2025, 1, 1), ValidUntil = new LocalDate(2026, 3, 28) }),
            "not-yet-valid" => LicenceKeys.Trusted.Sign(good with { ValidFrom = new LocalDate(2026, 3, 30) }),
            "other-client" => LicenceKeys.Trusted.Sign(good with { LicenseeId = b.W.OtherClientUser.ClientId!.Value.Value }),
            "office-licence" => LicenceKeys.Trusted.Sign(good with { LicenseeKind = LicenseeKind.Office, LicenseeId = b.W.Office.Id.Value }),
            "other-administration" => LicenceKeys.Trusted.Sign(good with { Administrations = [TestDatabase.NextNumber()] }),
            "tampered" => Tamper(LicenceKeys.Trusted.Sign(good)),
            "truncated" => LicenceKeys.Trusted.Sign(good)[..100],
            _ => new LicenceKeys("someone-else").Sign(good),
        };

        var atRead = await Assert.ThrowsAsync<CollabRefusalException>(() => ReadAsync(b, administration.Id, file));
        var atConfirm = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            ImportAsync(b, administration.Id, file, new string('0', 64), ImportUser.CreateUser("nieuw@bakker.nl")));

        Assert.Equal(code, atRead.Code);
        Assert.Equal(code, atConfirm.Code);
        Assert.False(string.IsNullOrWhiteSpace(atRead.Message));
        var after = (await b.FindAsync(administration.Id))!;
        Assert.Equal(LicenceSource.Office, after.Licence);
        Assert.Null(after.ClientLicenceFile);
        Assert.False(await b.Run(sp => sp.GetRequiredService<IUserStore>().UserEmailExistsAsync("nieuw@bakker.nl", CancellationToken.None)));
    }

    // R: LIC-3
    [SkippableFact]
    public async Task LIC3_a_licence_is_valid_on_its_first_and_its_last_day_in_the_office_calendar()
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        b.Db.Clock.Reset(Instant.FromUtc(2026, 6, 30, 22, 30)); // 00:30 on 1 July in Amsterdam, 30 June in UTC
        var startsToday = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number, new LocalDate(2026, 7, 1), new LocalDate(2027, 6, 30)));
        var endsToday = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number, new LocalDate(2025, 7, 1), new LocalDate(2026, 7, 1)));
        var endedYesterday = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number, new LocalDate(2025, 7, 1), new LocalDate(2026, 6, 30)));

        Assert.Equal(new LocalDate(2026, 7, 1), (await ReadAsync(b, administration.Id, startsToday)).Licence.Content.ValidFrom);
        var review = await ReadAsync(b, administration.Id, endsToday);
        Assert.Equal("licence.expired", (await Assert.ThrowsAsync<CollabRefusalException>(() => ReadAsync(b, administration.Id, endedYesterday))).Code);

        b.Db.Clock.Reset(Instant.FromUtc(2026, 7, 1, 21, 59)); // 23:59 on the last day: still valid at confirmation
        var imported = await ImportAsync(b, administration.Id, endsToday, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUser.Id));
        Assert.Equal(LicenceSource.ClientFile, imported.Licence);
    }

    // R: LIC-5
    [SkippableFact]
    public async Task LIC5_a_backup_of_an_administration_whose_licence_was_never_recorded_is_refused_too()
    {
        await using var b = await NewWorldAsync();
        var unknown = b.W.Administration; // created without an office licence or a client account
        Assert.Equal(LicenceSource.Unknown, unknown.Licence);
        await b.Run(sp => sp.GetRequiredService<Collab.Rights.RightsService>().GrantAsync(ActingParty.User(b.W.ClientUser.Id), b.W.Office.Id, unknown.Id, Collab.Rights.GrantChannel.Web));
        b.Books.WriteBooks(unknown.Number, [1, 2, 3]);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => BackUpAsync(b, unknown.Id));

        Assert.Equal(("backup.client-licence-missing", "LIC-5"), (refused.Code, refused.Refusal.RuleId));
        Assert.Empty(await b.Run(sp => sp.GetRequiredService<BackupService>().ListAsync(b.W.Desk, unknown.Id)));
    }

    private static byte[] Tamper(byte[] file)
    {
        var text = Encoding.ASCII.GetString(file).Split('\n');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text[1])).Replace("facturen", "salarissen", StringComparison.Ordinal);
        return Encoding.ASCII.GetBytes($"{text[0]}\n{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}\n{text[2]}\n");
    }

    // R: LIC-2, SEC-5
    [SkippableFact]
    public async Task LIC2_the_import_needs_an_active_client_user_of_the_administration_or_creates_one()
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        var licence = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number));
        var review = await ReadAsync(b, administration.Id, licence);

        // A user of the client without access to this company, and a deactivated user, do not count.
        var wrongCompany = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUserOfOtherCompany.Id)));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUser.Id));
        var inactive = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUser.Id)));
        Assert.Equal("licence.client-user-not-active", wrongCompany.Code);
        Assert.Equal("licence.client-user-not-active", inactive.Code);
        Assert.Equal("LIC-2", inactive.Refusal.RuleId);

        // SEC-5: the office makes the client's first own login only; while the client has one, it picks it (or the client's administrator invites one).
        var secondLogin = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.CreateUser("kaper@kantoor.nl")));
        Assert.Equal(("licence.client-has-users", "SEC-5"), (secondLogin.Code, secondLogin.Refusal.RuleId));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUserOfOtherCompany.Id));

        var imported = await ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.CreateUser("Eigenaar@Bakker.nl"));

        Assert.Equal(LicenceSource.ClientFile, imported.Licence);
        var created = await b.Run(sp => sp.GetRequiredService<IUserStore>().FindUserByEmailAsync("eigenaar@bakker.nl", CancellationToken.None));
        Assert.NotNull(created);
        Assert.True(created.IsActive);
        Assert.True(created.MayReach(b.W.Company.Id));
    }

    // R: LIC-4
    [SkippableFact]
    public async Task LIC4_a_backup_carries_the_clients_licence_and_the_books_in_a_checksummed_artefact()
    {
        await using var b = await NewWorldAsync();
        var (administration, licence) = await LicensedAsync(b);

        var backup = await BackUpAsync(b, administration.Id);

        Assert.Equal(LicenceSource.ClientFile, backup.Licence);
        var path = Path.Combine(b.BlobRoot, await b.BackupBlobKeyAsync(backup.Id));
        Assert.Equal(backup.SizeBytes, new FileInfo(path).Length);
        Assert.Equal(backup.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
        using var zip = ZipFile.OpenRead(path);
        using var manifest = System.Text.Json.JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(Encoding.ASCII.GetString(licence), manifest.RootElement.GetProperty("LicenceFile").GetString());
        Assert.Equal((int)LicenceSource.ClientFile, manifest.RootElement.GetProperty("Licence").GetInt32());
        using var books = new StreamReader(zip.GetEntry("books.bin")!.Open());
        Assert.Equal($"journal of {administration.Number}: 1000 kas / 8000 omzet", await books.ReadToEndAsync());
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(administration.Id));
        Assert.Contains(audit, r => r.Action == AuditAction.BackupMade && r.Details.Contains($"backup={backup.Id}", StringComparison.Ordinal));
    }

    // R: LIC-5
    [SkippableFact]
    public async Task LIC5_a_first_backup_missing_both_the_licence_and_the_user_names_both()
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        b.Books.WriteBooks(administration.Number, [1, 2, 3]);
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUser.Id)); // the only user given the company

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => BackUpAsync(b, administration.Id));

        Assert.Equal(("backup.client-licence-missing", "LIC-5"), (refused.Code, refused.Refusal.RuleId));
        Assert.Contains("the client's licence", refused.Message, StringComparison.Ordinal);
        Assert.Contains("an active client user", refused.Message, StringComparison.Ordinal);
    }

    // R: LIC-5
    [SkippableFact]
    public async Task LIC5_the_first_backup_is_refused_while_the_client_licence_or_the_client_user_is_missing()
    {
        await using var b = await NewWorldAsync();
        await GiveModulesAsync(b, OfficeModules.EAccountancy);
        var administration = await SetUpAsync(b, TestDatabase.NextNumber());
        b.Books.WriteBooks(administration.Number, [1, 2, 3]);

        var noLicence = await Assert.ThrowsAsync<CollabRefusalException>(() => BackUpAsync(b, administration.Id));
        Assert.Equal("backup.client-licence-missing", noLicence.Code);
        Assert.Equal("LIC-5", noLicence.Refusal.RuleId);

        var licence = LicenceKeys.Trusted.Sign(LicenceKeys.ClientLicence(b.W.Client.Id, administration.Number));
        var review = await ReadAsync(b, administration.Id, licence);
        await ImportAsync(b, administration.Id, licence, review.Licence.Fingerprint, ImportUser.ExistingUser(b.W.ClientUser.Id));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUser.Id));

        var noUser = await Assert.ThrowsAsync<CollabRefusalException>(() => BackUpAsync(b, administration.Id));
        Assert.Equal("backup.client-user-missing", noUser.Code);
        Assert.Empty(await b.Run(sp => sp.GetRequiredService<BackupService>().ListAsync(b.W.Desk, administration.Id)));
        Assert.Empty(Directory.EnumerateFiles(b.BlobRoot, "*", SearchOption.AllDirectories));
    }

    // A guard beside LIC-6, not its proof (a renumbering method under another name would pass it): the behaviour
    // test below is the one that cites the rule.
    [Fact]
    public void Nothing_in_the_public_API_is_named_or_shaped_like_a_renumbering()
    {
        var number = typeof(Administration).GetProperty(nameof(Administration.Number))!;
        Assert.False(number.SetMethod?.IsPublic ?? false);
        Assert.False(number.SetMethod?.IsAssembly ?? false);
        var writers = typeof(Administration).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.Contains("Renumber", StringComparison.OrdinalIgnoreCase) || m.Name.Contains("ChangeNumber", StringComparison.OrdinalIgnoreCase)
                        || (m.GetParameters().Any(p => p.ParameterType == typeof(AdministrationNumber)) && m.GetParameters().Any(p => p.ParameterType == typeof(AdministrationId))
                            && m.Name != nameof(BackupRestoreService.CopyToNewNumberAsync)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(writers);
    }

    // R: LIC-6
    [SkippableFact]
    public async Task LIC6_copying_to_a_new_number_is_how_a_client_gets_another_number_and_the_original_keeps_its_own()
    {
        await using var b = await NewWorldAsync();
        var (administration, _) = await LicensedAsync(b);
        var newNumber = TestDatabase.NextNumber();

        var copy = await b.Run(sp => sp.GetRequiredService<BackupRestoreService>().CopyToNewNumberAsync(b.W.Desk, administration.Id, newNumber, "Bakkerij (nieuw nummer)"));
        var copyBackup = await BackUpAsync(b, copy.Id); // "then back that up"

        Assert.Equal(newNumber, copy.Number);
        Assert.Equal(AdministrationState.Live, copy.State);
        var original = (await b.FindAsync(administration.Id))!;
        Assert.Equal((administration.Number, AdministrationState.Live, LicenceSource.ClientFile), (original.Number, original.State, original.Licence)); // the original stays live
        Assert.True(await b.Run(sp => sp.GetRequiredService<Collab.Rights.AccessService>().MayAccessAsync(b.W.Desk, administration.Id)));
        Assert.NotNull(b.Books.ReadBooks(administration.Number));
        Assert.Equal([AuditAction.AdministrationCreated, AuditAction.BackupRestored, AuditAction.BackupMade], // AUD-1: the copy is saved twice (number taken, then live), recorded once each
            (await World.AuditAsync(b.Db, AuditSubject.Administration(copy.Id))).Select(r => r.Action));
        Assert.Equal(b.Books.ReadBooks(administration.Number), b.Books.ReadBooks(newNumber));
        Assert.Equal(newNumber, copyBackup.AdministrationNumber);
        var taken = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<BackupRestoreService>().CopyToNewNumberAsync(b.W.Desk, administration.Id, administration.Number, "dubbel")));
        Assert.Equal("backup.number-in-use", taken.Code);
    }

    // R: LIC-7
    [SkippableFact]
    public async Task LIC7_restoring_at_the_client_creates_the_administration_with_the_same_number_and_refuses_a_number_in_use()
    {
        await using var b = await NewWorldAsync();
        var (administration, licence) = await LicensedAsync(b);
        var backup = await BackUpAsync(b, administration.Id);

        var inUse = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(b.W.Desk, backup.Id, RestoreTarget.AtClient)));
        Assert.Equal("backup.number-in-use", inUse.Code);
        Assert.Equal("LIC-7", inUse.Refusal.RuleId);

        // The office stops collaborating (ONB-5), which releases the number; the client restores at home.
        await b.Run(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(b.W.Desk, b.W.Office.Id, administration.Id));
        var restored = await b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(ActingParty.User(b.W.ClientUser.Id), backup.Id, RestoreTarget.AtClient));

        Assert.Equal(administration.Number, restored.Number);
        Assert.NotEqual(administration.Id, restored.Id);
        Assert.Null(restored.HolderOfficeId);
        Assert.Equal(LicenceSource.ClientFile, restored.Licence); // the client's licence came along (LIC-4)
        Assert.Equal(Encoding.ASCII.GetString(licence), (await b.FindAsync(restored.Id))!.ClientLicenceFile);
        Assert.Equal(Encoding.UTF8.GetBytes($"journal of {administration.Number}: 1000 kas / 8000 omzet"), b.Books.ReadBooks(administration.Number));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(restored.Id));
        Assert.Contains(audit, r => r.Action == AuditAction.BackupRestored && r.Details.Contains($"backup={backup.Id}", StringComparison.Ordinal));
        Assert.Equal([AuditAction.AdministrationCreated, AuditAction.BackupRestored], audit.Select(r => r.Action)); // AUD-1: saved twice, recorded once each
    }

    // R: ONB-5
    [SkippableFact]
    public async Task ONB5_stopping_makes_a_backup_that_releases_the_online_administration_and_it_restores_into_the_office_list()
    {
        await using var b = await NewWorldAsync();
        var (administration, _) = await LicensedAsync(b);
        var books = b.Books.ReadBooks(administration.Number);

        var backup = await b.Run(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(b.W.Desk, b.W.Office.Id, administration.Id));

        Assert.Equal(BackupPurpose.StopCollaboration, backup.Purpose);
        Assert.Equal(AdministrationState.Released, (await b.FindAsync(administration.Id))!.State);
        Assert.Null(b.Books.ReadBooks(administration.Number)); // the online copy is gone
        var list = await b.Run(sp => sp.GetRequiredService<Collab.Rights.AccessService>().ListAsync(b.W.Desk));
        Assert.DoesNotContain(list, a => a.Id == administration.Id);
        Assert.False(await b.Run(sp => sp.GetRequiredService<Collab.Rights.AccessService>().MayAccessAsync(b.W.Desk, administration.Id)));

        var restored = await b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(b.W.Desk, backup.Id, RestoreTarget.IntoOfficeList(b.W.Office.Id)));

        Assert.Equal(administration.Number, restored.Number);
        Assert.Equal(b.W.Office.Id, restored.HolderOfficeId);
        Assert.Equal(books, b.Books.ReadBooks(administration.Number));
        list = await b.Run(sp => sp.GetRequiredService<Collab.Rights.AccessService>().ListAsync(b.W.Desk));
        Assert.Contains(list, a => a.Id == restored.Id);
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(administration.Id));
        Assert.Contains(audit, r => r.Action == AuditAction.AdministrationReleased && r.Details == $"backup={backup.Id}");
    }

    // R: ONB-5
    [SkippableFact]
    public async Task ONB5_a_corrupted_backup_is_refused_and_nothing_is_restored()
    {
        await using var b = await NewWorldAsync();
        var (administration, _) = await LicensedAsync(b);
        var backup = await b.Run(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(b.W.Desk, b.W.Office.Id, administration.Id));
        var path = Path.Combine(b.BlobRoot, await b.BackupBlobKeyAsync(backup.Id));
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 3] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(b.W.Desk, backup.Id, RestoreTarget.AtClient)));

        Assert.Equal("backup.corrupt", refused.Code);
        Assert.Null(await b.Run(sp => sp.GetRequiredService<IAdministrationStore>().FindLiveAdministrationByNumberAsync(administration.Number, CancellationToken.None)));
        Assert.Null(b.Books.ReadBooks(administration.Number));
    }

    // R: ONB-5, LIC-7
    [SkippableFact]
    public async Task ONB5_a_backup_whose_artefact_was_swapped_for_another_valid_one_is_refused_by_its_checksum()
    {
        await using var b = await NewWorldAsync();
        var (administration, _) = await LicensedAsync(b);
        var earlier = await BackUpAsync(b, administration.Id);
        b.Books.WriteBooks(administration.Number, Encoding.UTF8.GetBytes("journal changed after the first backup"));
        var later = await b.Run(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(b.W.Desk, b.W.Office.Id, administration.Id));
        File.Copy(Path.Combine(b.BlobRoot, await b.BackupBlobKeyAsync(earlier.Id)), Path.Combine(b.BlobRoot, await b.BackupBlobKeyAsync(later.Id)), overwrite: true); // a readable archive, just not this one

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(b.W.Desk, later.Id, RestoreTarget.AtClient)));

        Assert.Equal("backup.corrupt", refused.Code);
        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal); // the first line of defence; the manifest's own check is the second
        Assert.Null(await b.Run(sp => sp.GetRequiredService<IAdministrationStore>().FindLiveAdministrationByNumberAsync(administration.Number, CancellationToken.None)));
    }

    // R: SEC-2
    [SkippableFact]
    public async Task SEC2_a_restore_whose_import_fails_half_way_leaves_no_books_and_frees_the_number()
    {
        await using var b = await NewWorldAsync();
        var (administration, _) = await LicensedAsync(b, books: new byte[200_000]);
        var backup = await b.Run(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(b.W.Desk, b.W.Office.Id, administration.Id));
        b.Books.FailImportAfterBytes = 1000;

        await Assert.ThrowsAsync<IOException>(() => b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(b.W.Desk, backup.Id, RestoreTarget.AtClient)));

        Assert.Null(b.Books.ReadBooks(administration.Number));
        Assert.Null(await b.Run(sp => sp.GetRequiredService<IAdministrationStore>().FindLiveAdministrationByNumberAsync(administration.Number, CancellationToken.None)));
        b.Books.FailImportAfterBytes = null;
        var restored = await b.Run(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(b.W.Desk, backup.Id, RestoreTarget.AtClient));
        Assert.Equal(200_000, b.Books.ReadBooks(restored.Number)!.Length);
    }
}

public sealed class LicenceOnSqlite() : LicenceContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class LicenceOnPostgres(PostgresServer postgres) : LicenceContract(Engine.Postgres, postgres);
