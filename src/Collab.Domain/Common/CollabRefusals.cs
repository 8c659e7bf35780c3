using Collab.Texts;

namespace Collab;

/// <summary>
/// Every refusal Collab throws with a fixed code, one method each (issue 34; ASP.NET Core Identity's
/// <c>IdentityErrorDescriber</c> way): the kind, the code, the DOMAIN rule and the values its text names. The words come
/// from the text catalogue by the code (TXT-1): the English text is <see cref="Refusal.Reason"/>, and the values travel
/// with the refusal so a host shows it in any language. A test walks these methods by reflection: every code has its text
/// in Dutch and English with the placeholders the method's values fill, and no code is used twice. Refusals whose code is
/// built from its context (<c>{what}.not-found</c>, <c>{field}.required</c>, a state machine's triggers) stay with
/// <see cref="Refuse"/>. Internal on purpose: a vendor changes what a refusal says through the texts (TXT-1), and switches
/// on the code, which stays (docs/decisions.md).
/// </summary>
/// <remarks>Generated once by <c>.ci/route-refusals.py</c>, kept by hand since; one method's code stays on one line.</remarks>
internal static class CollabRefusals
{
    /// <summary>The one place a refusal with a fixed code is built.</summary>
    private static CollabRefusalException Make(RefusalKind kind, string code, string? rule, params object?[] arguments) =>
        new(Refuse.Keyed(kind, code, null, rule, arguments));

    /// <summary><c>access.refused</c> (NotFound, SEC-3): There is no {0} {1} that you may use for this: check the id, and that you are signed in as a user who was given access to it.</summary>
    internal static CollabRefusalException AccessRefused(object? thing, object? targetId) =>
        Make(RefusalKind.NotFound, "access.refused", "SEC-3", thing, targetId);

    /// <summary><c>administration.not-live</c> (RuleViolation, ONB-5): Administration {0} is {1}, so it cannot {2}: restore it from a backup first.</summary>
    internal static CollabRefusalException AdministrationNotLive(object? number, object? state, object? action) =>
        Make(RefusalKind.RuleViolation, "administration.not-live", "ONB-5", number, state, action);

    /// <summary><c>administration.number-required</c> (InvalidInput): The administration number is missing: create it with AdministrationNumber.From(…).</summary>
    internal static CollabRefusalException AdministrationNumberRequired() =>
        Make(RefusalKind.InvalidInput, "administration.number-required", null);

    /// <summary><c>administration.number-taken</c> (RuleViolation, LIC-6): Administration number {0} is already in use: choose another number (numbers never change or get reused).</summary>
    internal static CollabRefusalException AdministrationNumberTaken(object? number) =>
        Make(RefusalKind.RuleViolation, "administration.number-taken", "LIC-6", number);

    /// <summary><c>backup.artefact-missing</c> (RuleViolation, ONB-5): The artefact of backup {0} ({1}) is no longer in the backup storage: restore from another backup.</summary>
    internal static CollabRefusalException BackupArtefactMissing(object? backupId, object? blobKey) =>
        Make(RefusalKind.RuleViolation, "backup.artefact-missing", "ONB-5", backupId, blobKey);

    /// <summary><c>backup.corrupt</c> (RuleViolation, ONB-5): Backup {0} cannot be restored: {1}. Nothing was changed; restore from another backup.</summary>
    internal static CollabRefusalException BackupCorrupt(object? backupId, object? why) =>
        Make(RefusalKind.RuleViolation, "backup.corrupt", "ONB-5", backupId, why);

    /// <summary><c>backup.number-in-use</c> (RuleViolation, LIC-7): Administration number {0} is in use here ({1}), so you cannot {2}: two administrations never share a number. Release or remove that administration first, or restore elsewhere.</summary>
    internal static CollabRefusalException BackupNumberInUse(object? number, object? name, object? action) =>
        Make(RefusalKind.RuleViolation, "backup.number-in-use", "LIC-7", number, name, action);

    /// <summary><c>backup.office-has-no-access</c> (Forbidden, SEC-1): Office {0} has no access to administration {1}, so it cannot stop collaborating on it: the client must grant rights first.</summary>
    internal static CollabRefusalException BackupOfficeHasNoAccess(object? office, object? number) =>
        Make(RefusalKind.Forbidden, "backup.office-has-no-access", "SEC-1", office, number);

    /// <summary><c>collaboration.already-ended</c> (RuleViolation, TIER-7): The collaboration with client {0} already ended on {1:yyyy-MM-dd}: nothing to end.</summary>
    internal static CollabRefusalException CollaborationAlreadyEnded(object? clientId, object? endsOn) =>
        Make(RefusalKind.RuleViolation, "collaboration.already-ended", "TIER-7", clientId, endsOn);

    /// <summary><c>collaboration.ends-before-start</c> (InvalidInput): End date {0:yyyy-MM-dd} is before the start {1:yyyy-MM-dd}: give a date on or after the start.</summary>
    internal static CollabRefusalException CollaborationEndsBeforeStart(object? endsOn, object? startsOn) =>
        Make(RefusalKind.InvalidInput, "collaboration.ends-before-start", null, endsOn, startsOn);

    /// <summary><c>collaboration.exists</c> (RuleViolation, TIER-3): Office {0} already collaborates with client {1} at tier {2}: change its tier instead.</summary>
    internal static CollabRefusalException CollaborationExists(object? office, object? client, object? existing) =>
        Make(RefusalKind.RuleViolation, "collaboration.exists", "TIER-3", office, client, existing);

    /// <summary><c>collaboration.not-found</c> (NotFound): Office {0} does not collaborate with client {1}: start a collaboration first.</summary>
    internal static CollabRefusalException CollaborationNotFound(string? rule, object? office, object? client) =>
        Make(RefusalKind.NotFound, "collaboration.not-found", rule, office, client);

    /// <summary><c>deliverable.deadline-passed</c> (InvalidInput, SHARE-3): Deadline {0:yyyy-MM-dd} has already passed: give a later date.</summary>
    internal static CollabRefusalException DeliverableDeadlinePassed(object? deadline) =>
        Make(RefusalKind.InvalidInput, "deliverable.deadline-passed", "SHARE-3", deadline);

    /// <summary><c>deliverable.deadline-required</c> (InvalidInput, SHARE-3): Tier {0} shares reports for approval: give the deadline (the last day to approve).</summary>
    internal static CollabRefusalException DeliverableDeadlineRequired(object? tier) =>
        Make(RefusalKind.InvalidInput, "deliverable.deadline-required", "SHARE-3", tier);

    /// <summary><c>deliverable.document-unknown</c> (NotFound, SHARE-14): '{0}' has no document {1} in its current version.</summary>
    internal static CollabRefusalException DeliverableDocumentUnknown(object? title, object? document) =>
        Make(RefusalKind.NotFound, "deliverable.document-unknown", "SHARE-14", title, document);

    /// <summary><c>deliverable.kind-unknown</c> (InvalidInput, SHARE-13): '{0}' is not a deliverable kind: use one of {1}.</summary>
    internal static CollabRefusalException DeliverableKindUnknown(object? kind, object? kinds) =>
        Make(RefusalKind.InvalidInput, "deliverable.kind-unknown", "SHARE-13", kind, kinds);

    /// <summary><c>deliverable.not-shared-by-link</c> (RuleViolation, SHARE-12): Report '{0}' was not shared by link: only link shares get a new link.</summary>
    internal static CollabRefusalException DeliverableNotSharedByLink(object? title) =>
        Make(RefusalKind.RuleViolation, "deliverable.not-shared-by-link", "SHARE-12", title);

    /// <summary><c>deliverable.not-viewable</c> (RuleViolation, SHARE-5): This report is not available to this user now: it was not shared with them this way, or the task is complete.</summary>
    internal static CollabRefusalException DeliverableNotViewable() =>
        Make(RefusalKind.RuleViolation, "deliverable.not-viewable", "SHARE-5");

    /// <summary><c>deliverable.not-viewable</c> (Forbidden, SEC-1): This report is not available to this user now: it was not shared with them this way, or the task is complete.</summary>
    internal static CollabRefusalException DeliverableNotViewableDenied() =>
        Make(RefusalKind.Forbidden, "deliverable.not-viewable", "SEC-1");

    /// <summary><c>deliverable.period-invalid</c> (InvalidInput, SHARE-13): {0} {1}/{2} is not a period: give a year 1900-9999 and, for a quarter 1-4, for a month 1-12.</summary>
    internal static CollabRefusalException DeliverablePeriodInvalid(object? length, object? year, object? number) =>
        Make(RefusalKind.InvalidInput, "deliverable.period-invalid", "SHARE-13", length, year, number);

    /// <summary><c>deliverable.reminder-already-sent</c> (RuleViolation, SHARE-4): The reminder for deliverable {0} was already sent at {1}: a task gets it once.</summary>
    internal static CollabRefusalException DeliverableReminderAlreadySent(object? id, object? reminderSentAt) =>
        Make(RefusalKind.RuleViolation, "deliverable.reminder-already-sent", "SHARE-4", id, reminderSentAt);

    /// <summary><c>deliverable.too-many-documents</c> (InvalidInput, SHARE-14): '{0}' already has {1} documents, the most: remove one first.</summary>
    internal static CollabRefusalException DeliverableTooManyDocuments(object? title, object? maxDocuments) =>
        Make(RefusalKind.InvalidInput, "deliverable.too-many-documents", "SHARE-14", title, maxDocuments);

    /// <summary><c>deliverable.with-client</c> (RuleViolation, SHARE-14): '{0}' is with the client ({1}): wait for the answer or the deadline before you {2}.</summary>
    internal static CollabRefusalException DeliverableWithClient(object? title, object? state, object? what) =>
        Make(RefusalKind.RuleViolation, "deliverable.with-client", "SHARE-14", title, state, what);

    /// <summary><c>document.content-missing</c> (RuleViolation): The content of '{0}' is no longer in storage: ask for the document again.</summary>
    internal static CollabRefusalException DocumentContentMissing(string? rule, object? fileName) =>
        Make(RefusalKind.RuleViolation, "document.content-missing", rule, fileName);

    /// <summary><c>document.content-type</c> (InvalidInput): Documents of type '{0}' are not accepted here: send one of {1}.</summary>
    internal static CollabRefusalException DocumentContentType(string? rule, object? contentType, object? accepted) =>
        Make(RefusalKind.InvalidInput, "document.content-type", rule, contentType, accepted);

    /// <summary><c>document.corrupt</c> (RuleViolation): The stored content of '{0}' is not what was uploaded (checksum mismatch): do not use it; ask for the document again.</summary>
    internal static CollabRefusalException DocumentCorrupt(string? rule, object? name) =>
        Make(RefusalKind.RuleViolation, "document.corrupt", rule, name);

    /// <summary><c>document.file-name-invalid</c> (InvalidInput, SHARE-14): '{0}' is not a usable file name: give 1 to 200 characters that do not start or end with a dot, without control or invisible characters, slashes of any kind (/ \ ／ ∕ ⁄ ＼), ':' or any of &lt; &gt; " | ? *.</summary>
    internal static CollabRefusalException DocumentFileNameInvalid(object? fileName) =>
        Make(RefusalKind.InvalidInput, "document.file-name-invalid", "SHARE-14", fileName);

    /// <summary><c>document.pdf-password</c> (InvalidInput): '{0}' is protected with a password, so it cannot be checked or opened by its reader: save it without a password and upload it again.</summary>
    internal static CollabRefusalException DocumentPdfPassword(string? rule, object? fileName) =>
        Make(RefusalKind.InvalidInput, "document.pdf-password", rule, fileName);

    /// <summary><c>document.pdf-unreadable</c> (InvalidInput): '{0}' is not a readable PDF: a PDF must open and have at least one page, and a file that only starts like a PDF is not one. Save or print the document to PDF again and upload that file.</summary>
    internal static CollabRefusalException DocumentPdfUnreadable(string? rule, object? fileName) =>
        Make(RefusalKind.InvalidInput, "document.pdf-unreadable", rule, fileName);

    /// <summary><c>document.too-large</c> (InvalidInput): The document is larger than {0} bytes, the most accepted: send a smaller file.</summary>
    internal static CollabRefusalException DocumentTooLarge(string? rule, object? maxDocumentBytes) =>
        Make(RefusalKind.InvalidInput, "document.too-large", rule, maxDocumentBytes);

    /// <summary><c>document.type-mismatch</c> (InvalidInput): '{1}' is not a {0} file: its content does not match that type. Upload the real document, not a renamed or damaged file, or send it as the type it really is.</summary>
    internal static CollabRefusalException DocumentTypeMismatch(string? rule, object? type, object? fileName) =>
        Make(RefusalKind.InvalidInput, "document.type-mismatch", rule, type, fileName);

    /// <summary><c>email.invalid</c> (InvalidInput): '{0}' is not an e-mail address: give one like name@example.nl of at most {1} characters.</summary>
    internal static CollabRefusalException EmailInvalid(object? value, object? maxEmailLength) =>
        Make(RefusalKind.InvalidInput, "email.invalid", null, value, maxEmailLength);

    /// <summary><c>environment.administrator-not-of-office</c> (Forbidden, SEC-1): User {0} does not work for this office: administrators must be office users of the environment's office.</summary>
    internal static CollabRefusalException EnvironmentAdministratorNotOfOffice(object? email) =>
        Make(RefusalKind.Forbidden, "environment.administrator-not-of-office", "SEC-1", email);

    /// <summary><c>environment.no-administrator</c> (InvalidInput, XFER-2): An environment needs at least one administrator: name an office user of the office.</summary>
    internal static CollabRefusalException EnvironmentNoAdministrator() =>
        Make(RefusalKind.InvalidInput, "environment.no-administrator", "XFER-2");

    /// <summary><c>figures.incomplete</c> (InvalidInput, SHARE-15): Give the figures of the year (1901-9999) and of the year before.</summary>
    internal static CollabRefusalException FiguresIncomplete() =>
        Make(RefusalKind.InvalidInput, "figures.incomplete", "SHARE-15");

    /// <summary><c>figures.inconsistent</c> (InvalidInput, SHARE-15): The figures for {0} do not add up: {1}. Correct them and send them again.</summary>
    internal static CollabRefusalException FiguresInconsistent(object? year, object? broken) =>
        Make(RefusalKind.InvalidInput, "figures.inconsistent", "SHARE-15", year, broken);

    /// <summary><c>figures.not-an-annual-report</c> (RuleViolation, SHARE-15): '{0}' is a {1}: key figures belong to an annual report.</summary>
    internal static CollabRefusalException FiguresNotAnAnnualReport(object? title, object? kind) =>
        Make(RefusalKind.RuleViolation, "figures.not-an-annual-report", "SHARE-15", title, kind);

    /// <summary><c>figures.wrong-year</c> (InvalidInput, SHARE-15): The figures are for {0}, the report for {1}: give the report's year and the year before.</summary>
    internal static CollabRefusalException FiguresWrongYear(object? year, object? reportYear) =>
        Make(RefusalKind.InvalidInput, "figures.wrong-year", "SHARE-15", year, reportYear);

    /// <summary><c>followup.already-done</c> (RuleViolation, XFER-5): '{0}' was already ticked off at {1}: nothing to do.</summary>
    internal static CollabRefusalException FollowupAlreadyDone(object? description, object? doneAt) =>
        Make(RefusalKind.RuleViolation, "followup.already-done", "XFER-5", description, doneAt);

    /// <summary><c>followup.not-new-administrator</c> (Forbidden, XFER-5): Only an administrator of the new environment can tick off its follow-up items.</summary>
    internal static CollabRefusalException FollowupNotNewAdministrator() =>
        Make(RefusalKind.Forbidden, "followup.not-new-administrator", "XFER-5");

    /// <summary><c>followup.unknown-item</c> (InvalidInput, XFER-5): Transfer {0} has no follow-up item {1}: use a position from its checklist.</summary>
    internal static CollabRefusalException FollowupUnknownItem(object? transfer, object? position) =>
        Make(RefusalKind.InvalidInput, "followup.unknown-item", "XFER-5", transfer, position);

    /// <summary><c>house-style.colour-invalid</c> (InvalidInput, SHARE-10): The {0} '{1}' is not a colour: write it as #RRGGBB, for example #1A5276.</summary>
    internal static CollabRefusalException HouseStyleColourInvalid(object? field, object? colour) =>
        Make(RefusalKind.InvalidInput, "house-style.colour-invalid", "SHARE-10", field, colour);

    /// <summary><c>house-style.logo-invalid</c> (InvalidInput, SHARE-10): The logo reference '{0}' is neither an https address nor a storage key: give one of those, up to 500 characters.</summary>
    internal static CollabRefusalException HouseStyleLogoInvalid(object? logo) =>
        Make(RefusalKind.InvalidInput, "house-style.logo-invalid", "SHARE-10", logo);

    /// <summary><c>house-style.primary-contrast</c> (InvalidInput, SHARE-10): The primary colour {0} on background {1} has a contrast of {2:0.00}:1; buttons and links need at least 3:1 (WCAG 1.4.11).</summary>
    internal static CollabRefusalException HouseStylePrimaryContrast(object? primary, object? background, object? primaryContrast) =>
        Make(RefusalKind.InvalidInput, "house-style.primary-contrast", "SHARE-10", primary, background, primaryContrast);

    /// <summary><c>house-style.reminder-placeholder</c> (InvalidInput, SHARE-10): The reminder text uses {0}, which Collab does not fill in: use {1}.</summary>
    internal static CollabRefusalException HouseStyleReminderPlaceholder(object? placeholder, object? known) =>
        Make(RefusalKind.InvalidInput, "house-style.reminder-placeholder", "SHARE-10", placeholder, known);

    /// <summary><c>house-style.reminder-too-long</c> (InvalidInput, SHARE-10): The reminder text has {0} characters: shorten it to 1 000.</summary>
    internal static CollabRefusalException HouseStyleReminderTooLong(object? valueLength) =>
        Make(RefusalKind.InvalidInput, "house-style.reminder-too-long", "SHARE-10", valueLength);

    /// <summary><c>house-style.slug-invalid</c> (InvalidInput, SHARE-10): '{0}' cannot be a portal address: use 3 to 63 lower-case letters, digits and single hyphens, not starting or ending with a hyphen (for example de-vries-administratie).</summary>
    internal static CollabRefusalException HouseStyleSlugInvalid(object? slug) =>
        Make(RefusalKind.InvalidInput, "house-style.slug-invalid", "SHARE-10", slug);

    /// <summary><c>house-style.slug-reserved</c> (InvalidInput, SHARE-10): '{0}' is reserved for the vendor's own pages: choose another.</summary>
    internal static CollabRefusalException HouseStyleSlugReserved(object? value) =>
        Make(RefusalKind.InvalidInput, "house-style.slug-reserved", "SHARE-10", value);

    /// <summary><c>house-style.slug-taken</c> (RuleViolation, SHARE-10): The portal address '{0}' belongs to another office: choose another.</summary>
    internal static CollabRefusalException HouseStyleSlugTaken(object? slug) =>
        Make(RefusalKind.RuleViolation, "house-style.slug-taken", "SHARE-10", slug);

    /// <summary><c>house-style.text-contrast</c> (InvalidInput, SHARE-10): Text {0} on background {1} has a contrast of {2:0.00}:1; readable text needs at least 4.5:1 (WCAG AA). Darken the text or lighten the background.</summary>
    internal static CollabRefusalException HouseStyleTextContrast(object? text, object? background, object? textContrast) =>
        Make(RefusalKind.InvalidInput, "house-style.text-contrast", "SHARE-10", text, background, textContrast);

    /// <summary><c>house-style.welcome-too-long</c> (InvalidInput, SHARE-10): The welcome text has {0} characters: shorten it to 2 000.</summary>
    internal static CollabRefusalException HouseStyleWelcomeTooLong(object? welcomeLength) =>
        Make(RefusalKind.InvalidInput, "house-style.welcome-too-long", "SHARE-10", welcomeLength);

    /// <summary><c>insights.range</c> (InvalidInput, SHARE-16): {0} … {1} is not a range of 1 to {2} months: give a first month on or before the last.</summary>
    internal static CollabRefusalException InsightsRange(object? from, object? to, object? maxMonths) =>
        Make(RefusalKind.InvalidInput, "insights.range", "SHARE-16", from, to, maxMonths);

    /// <summary><c>licence.client-has-users</c> (RuleViolation, SEC-5): The client of administration {0} already has users of its own: choose one of them for the licence, or ask the client's administrator to invite a new one.</summary>
    internal static CollabRefusalException LicenceClientHasUsers(object? number) =>
        Make(RefusalKind.RuleViolation, "licence.client-has-users", "SEC-5", number);

    /// <summary><c>licence.client-user-not-active</c> (RuleViolation, LIC-2): User {0} is not an active user of this client with access to administration {1}: activate the user, choose another, or create one during the import.</summary>
    internal static CollabRefusalException LicenceClientUserNotActive(object? existing, object? number) =>
        Make(RefusalKind.RuleViolation, "licence.client-user-not-active", "LIC-2", existing, number);

    /// <summary><c>licence.empty</c> (InvalidInput, LIC-3): The licence file is empty: choose the licence file the issuer sent.</summary>
    internal static CollabRefusalException LicenceEmpty() =>
        Make(RefusalKind.InvalidInput, "licence.empty", "LIC-3");

    /// <summary><c>licence.expired</c> (RuleViolation, LIC-3): This licence expired on {0:yyyy-MM-dd}: ask the issuer for a current one.</summary>
    internal static CollabRefusalException LicenceExpired(object? validUntil) =>
        Make(RefusalKind.RuleViolation, "licence.expired", "LIC-3", validUntil);

    /// <summary><c>licence.invalid-content</c> (InvalidInput, LIC-3): This licence cannot be issued: {0}.</summary>
    internal static CollabRefusalException LicenceInvalidContent(object? problem) =>
        Make(RefusalKind.InvalidInput, "licence.invalid-content", "LIC-3", problem);

    /// <summary><c>licence.malformed</c> (InvalidInput, LIC-3): This is not a readable licence file: {0}. Ask the issuer for the original file.</summary>
    internal static CollabRefusalException LicenceMalformed(object? why) =>
        Make(RefusalKind.InvalidInput, "licence.malformed", "LIC-3", why);

    /// <summary><c>licence.not-reviewed</c> (RuleViolation, LIC-3): This is not the licence file that was reviewed: read the file again (step one) and confirm what it shows.</summary>
    internal static CollabRefusalException LicenceNotReviewed() =>
        Make(RefusalKind.RuleViolation, "licence.not-reviewed", "LIC-3");

    /// <summary><c>licence.not-yet-valid</c> (RuleViolation, LIC-3): This licence is valid from {0:yyyy-MM-dd}: import it on or after that day.</summary>
    internal static CollabRefusalException LicenceNotYetValid(object? validFrom) =>
        Make(RefusalKind.RuleViolation, "licence.not-yet-valid", "LIC-3", validFrom);

    /// <summary><c>licence.office-module-missing</c> (RuleViolation, LIC-1): Office {0} has no E-Accountancy module, which setting up client administrations under its licence needs: add the module to the office's subscription first.</summary>
    internal static CollabRefusalException LicenceOfficeModuleMissing(object? name) =>
        Make(RefusalKind.RuleViolation, "licence.office-module-missing", "LIC-1", name);

    /// <summary><c>licence.tampered</c> (RuleViolation, LIC-3): The licence's signature does not match its content: the file was changed after it was issued. Ask the issuer for the original file.</summary>
    internal static CollabRefusalException LicenceTampered() =>
        Make(RefusalKind.RuleViolation, "licence.tampered", "LIC-3");

    /// <summary><c>licence.too-large</c> (InvalidInput, LIC-3): The file has {0} bytes, more than a licence file can have ({1}): choose the licence file itself.</summary>
    internal static CollabRefusalException LicenceTooLarge(object? fileLength, object? _maxBytes) =>
        Make(RefusalKind.InvalidInput, "licence.too-large", "LIC-3", fileLength, _maxBytes);

    /// <summary><c>licence.unknown-issuer</c> (RuleViolation, LIC-3): The licence is signed with key '{0}', which this installation does not trust: ask the vendor for a licence from a trusted issuer.</summary>
    internal static CollabRefusalException LicenceUnknownIssuer(object? keyId) =>
        Make(RefusalKind.RuleViolation, "licence.unknown-issuer", "LIC-3", keyId);

    /// <summary><c>licence.unreadable-content</c> (InvalidInput, LIC-3): The licence is signed but {0}. Ask the issuer for a corrected licence.</summary>
    internal static CollabRefusalException LicenceUnreadableContent(object? why) =>
        Make(RefusalKind.InvalidInput, "licence.unreadable-content", "LIC-3", why);

    /// <summary><c>licence.wrong-administration</c> (RuleViolation, LIC-3): This licence covers administration(s) {0}, not {1}: ask the issuer for a licence that covers it.</summary>
    internal static CollabRefusalException LicenceWrongAdministration(object? covered, object? number) =>
        Make(RefusalKind.RuleViolation, "licence.wrong-administration", "LIC-3", covered, number);

    /// <summary><c>licence.wrong-licensee</c> (RuleViolation, LIC-3): This licence is issued to {0} {1}, not to the client of administration {2}: ask the client for its own licence file.</summary>
    internal static CollabRefusalException LicenceWrongLicensee(object? licenseeKind, object? licenseeName, object? number) =>
        Make(RefusalKind.RuleViolation, "licence.wrong-licensee", "LIC-3", licenseeKind, licenseeName, number);

    /// <summary><c>link.accountant-not-activated</c> (RuleViolation, LINK-2): Administration {0} runs under the accountant subscription of {1}, which the vendor has not activated for links yet: ask the vendor to activate it first.</summary>
    internal static CollabRefusalException LinkAccountantNotActivated(object? number, object? name) =>
        Make(RefusalKind.RuleViolation, "link.accountant-not-activated", "LINK-2", number, name);

    /// <summary><c>link.administration-already-linked</c> (RuleViolation, LINK-1): Administration {0} is already linked to {1} administration '{2}': a bookkeeping administration links to one administration of an app. Remove that link first.</summary>
    internal static CollabRefusalException LinkAdministrationAlreadyLinked(object? number, object? app, object? externalAdministration) =>
        Make(RefusalKind.RuleViolation, "link.administration-already-linked", "LINK-1", number, app, externalAdministration);

    /// <summary><c>link.already-confirmed</c> (RuleViolation, LINK-3): The link to administration {0} is confirmed; remove the link to choose another.</summary>
    internal static CollabRefusalException LinkAlreadyConfirmed(object? administrationNumber) =>
        Make(RefusalKind.RuleViolation, "link.already-confirmed", "LINK-3", administrationNumber);

    /// <summary><c>link.customer-not-linked</c> (RuleViolation, LINK-5): Customer '{0}' is not linked yet: push the customer first, or decide its match.</summary>
    internal static CollabRefusalException LinkCustomerNotLinked(object? customerExternalId) =>
        Make(RefusalKind.RuleViolation, "link.customer-not-linked", "LINK-5", customerExternalId);

    /// <summary><c>link.document-taken</c> (RuleViolation, SHARE-1): This document was already downloaded through this link: ask your office to send a new link.</summary>
    internal static CollabRefusalException LinkDocumentTaken() =>
        Make(RefusalKind.RuleViolation, "link.document-taken", "SHARE-1");

    /// <summary><c>link.document-unknown</c> (RuleViolation, SHARE-1): This document is not part of what was shared: ask your office.</summary>
    internal static CollabRefusalException LinkDocumentUnknown() =>
        Make(RefusalKind.RuleViolation, "link.document-unknown", "SHARE-1");

    /// <summary><c>link.duplicate-app-id</c> (InvalidInput, LINK-5): The app listed {0} id '{1}' more than once: its ids must be unique. Ask the app's maker to fix the list.</summary>
    internal static CollabRefusalException LinkDuplicateAppId(object? kind, object? key) =>
        Make(RefusalKind.InvalidInput, "link.duplicate-app-id", "LINK-5", kind, key);

    /// <summary><c>link.expired</c> (RuleViolation, SHARE-1): This link has expired: ask your office to send a new one.</summary>
    internal static CollabRefusalException LinkExpired() =>
        Make(RefusalKind.RuleViolation, "link.expired", "SHARE-1");

    /// <summary><c>link.external-already-linked</c> (RuleViolation, LINK-1): {0} administration '{1}' is already linked to bookkeeping administration {2}: an app administration links to exactly one. Remove that link first.</summary>
    internal static CollabRefusalException LinkExternalAlreadyLinked(object? app, object? external, object? administrationNumber) =>
        Make(RefusalKind.RuleViolation, "link.external-already-linked", "LINK-1", app, external, administrationNumber);

    /// <summary><c>link.malformed</c> (RuleViolation, SHARE-1): This link is not complete: open the link from your e-mail again, or ask your office for a new one.</summary>
    internal static CollabRefusalException LinkMalformed() =>
        Make(RefusalKind.RuleViolation, "link.malformed", "SHARE-1");

    /// <summary><c>link.no-plan</c> (RuleViolation, LINK-2): The client of administration {0} has no running online plan: linking needs at least {1}.</summary>
    internal static CollabRefusalException LinkNoPlan(object? number, object? linkMinimum) =>
        Make(RefusalKind.RuleViolation, "link.no-plan", "LINK-2", number, linkMinimum);

    /// <summary><c>link.not-a-candidate</c> (InvalidInput, LINK-5): '{0}' is not one of the candidates ({1}): choose one of them, or create a new record.</summary>
    internal static CollabRefusalException LinkNotACandidate(object? bookkeepingId, object? candidates) =>
        Make(RefusalKind.InvalidInput, "link.not-a-candidate", "LINK-5", bookkeepingId, candidates);

    /// <summary><c>link.not-synchronising</c> (RuleViolation, LINK-6): The link is at step {0}: synchronisation has not started (or the link was removed).</summary>
    internal static CollabRefusalException LinkNotSynchronising(object? step) =>
        Make(RefusalKind.RuleViolation, "link.not-synchronising", "LINK-6", step);

    /// <summary><c>link.nothing-to-resolve</c> (RuleViolation, LINK-5): {0} '{1}' is already linked: there is nothing to decide.</summary>
    internal static CollabRefusalException LinkNothingToResolve(object? kind, object? appId) =>
        Make(RefusalKind.RuleViolation, "link.nothing-to-resolve", "LINK-5", kind, appId);

    /// <summary><c>link.plan-too-small</c> (RuleViolation, LINK-2): The client's plan {0} is below {1}, the smallest plan that may link an app: upgrade the plan first.</summary>
    internal static CollabRefusalException LinkPlanTooSmall(object? plan, object? linkMinimum) =>
        Make(RefusalKind.RuleViolation, "link.plan-too-small", "LINK-2", plan, linkMinimum);

    /// <summary><c>link.record-taken</c> (RuleViolation, LINK-5): {0} '{1}' is already linked to app record '{2}': two app records never merge into one.</summary>
    internal static CollabRefusalException LinkRecordTaken(object? kind, object? bookkeepingId, object? externalId) =>
        Make(RefusalKind.RuleViolation, "link.record-taken", "LINK-5", kind, bookkeepingId, externalId);

    /// <summary><c>link.record-unknown</c> (RuleViolation, LINK-5): No {0} with app id '{1}' was read for this link.</summary>
    internal static CollabRefusalException LinkRecordUnknown(object? kind, object? appId) =>
        Make(RefusalKind.RuleViolation, "link.record-unknown", "LINK-5", kind, appId);

    /// <summary><c>link.removed</c> (RuleViolation, LINK-3): This link was removed: connect again to make a new one.</summary>
    internal static CollabRefusalException LinkRemoved() =>
        Make(RefusalKind.RuleViolation, "link.removed", "LINK-3");

    /// <summary><c>link.replaced</c> (RuleViolation, SHARE-1): This link was replaced by a newer one: use the newest link your office sent.</summary>
    internal static CollabRefusalException LinkReplaced() =>
        Make(RefusalKind.RuleViolation, "link.replaced", "SHARE-1");

    /// <summary><c>link.spent</c> (RuleViolation, SHARE-1): This link was already used: ask your office to send a new one.</summary>
    internal static CollabRefusalException LinkSpent() =>
        Make(RefusalKind.RuleViolation, "link.spent", "SHARE-1");

    /// <summary><c>link.unknown</c> (RuleViolation, SHARE-1): This link is not known: check you used the whole link, or ask your office for a new one.</summary>
    internal static CollabRefusalException LinkUnknown() =>
        Make(RefusalKind.RuleViolation, "link.unknown", "SHARE-1");

    /// <summary><c>link.unknown-edition</c> (InvalidInput, LINK-4): Edition {0} is unknown: use BookkeepingEdition.Web or Desktop.</summary>
    internal static CollabRefusalException LinkUnknownEdition(object? edition) =>
        Make(RefusalKind.InvalidInput, "link.unknown-edition", "LINK-4", edition);

    /// <summary><c>link.unresolved-match</c> (RuleViolation, LINK-5): {0} '{1}' matches more than one existing record ({2}): decide with LinkService.ResolveMatchAsync first; Collab never guesses.</summary>
    internal static CollabRefusalException LinkUnresolvedMatch(object? kind, object? recordId, object? candidates) =>
        Make(RefusalKind.RuleViolation, "link.unresolved-match", "LINK-5", kind, recordId, candidates);

    /// <summary><c>link.view-ended</c> (RuleViolation, SHARE-1): The time to download this document has passed: ask your office to send a new link.</summary>
    internal static CollabRefusalException LinkViewEnded() =>
        Make(RefusalKind.RuleViolation, "link.view-ended", "SHARE-1");

    /// <summary><c>link.view-unknown</c> (RuleViolation, SHARE-1): This view is not known: open the link from your e-mail again, or ask your office for a new one.</summary>
    internal static CollabRefusalException LinkViewUnknown() =>
        Make(RefusalKind.RuleViolation, "link.view-unknown", "SHARE-1");

    /// <summary><c>link.wrong-document-kind</c> (RuleViolation, LINK-4): Administration {0} uses the {1} edition, where outgoing documents become {2}, not {3}.</summary>
    internal static CollabRefusalException LinkWrongDocumentKind(object? administrationNumber, object? edition, object? documentKind, object? kind) =>
        Make(RefusalKind.RuleViolation, "link.wrong-document-kind", "LINK-4", administrationNumber, edition, documentKind, kind);

    /// <summary><c>office.unknown-module</c> (InvalidInput): Module value {0} contains unknown modules: combine values of OfficeModules only.</summary>
    internal static CollabRefusalException OfficeUnknownModule(object? modules) =>
        Make(RefusalKind.InvalidInput, "office.unknown-module", null, modules);

    /// <summary><c>office.unknown-time-zone</c> (InvalidInput, RET-1): Time zone '{0}' is unknown: use an IANA id such as Europe/Amsterdam.</summary>
    internal static CollabRefusalException OfficeUnknownTimeZone(object? zoneId) =>
        Make(RefusalKind.InvalidInput, "office.unknown-time-zone", "RET-1", zoneId);

    /// <summary><c>overview.page-size</c> (InvalidInput, SHARE-17): Page size {0} is out of range: ask for 1 to {1}.</summary>
    internal static CollabRefusalException OverviewPageSize(object? pageSize, object? maxPageSize) =>
        Make(RefusalKind.InvalidInput, "overview.page-size", "SHARE-17", pageSize, maxPageSize);

    /// <summary><c>overview.selection-too-large</c> (InvalidInput, SHARE-17): More than {0} clients match: narrow the selection, for example by tier.</summary>
    internal static CollabRefusalException OverviewSelectionTooLarge(object? maxSelection) =>
        Make(RefusalKind.InvalidInput, "overview.selection-too-large", "SHARE-17", maxSelection);

    /// <summary><c>plan.unknown</c> (InvalidInput, ONB-1): Plan '{0}' does not exist: choose one of {1}.</summary>
    internal static CollabRefusalException PlanUnknown(object? plan, object? plans) =>
        Make(RefusalKind.InvalidInput, "plan.unknown", "ONB-1", plan, plans);

    /// <summary><c>portal.page-size</c> (InvalidInput, SHARE-6): Page size {0} is out of range: ask for 1 to 200 entries.</summary>
    internal static CollabRefusalException PortalPageSize(object? pageSize) =>
        Make(RefusalKind.InvalidInput, "portal.page-size", "SHARE-6", pageSize);

    /// <summary><c>questionnaire.answer-invalid</c> (InvalidInput, SHARE-9): '{0}' does not answer '{1}': {2}.</summary>
    internal static CollabRefusalException QuestionnaireAnswerInvalid(object? value, object? text, object? expected) =>
        Make(RefusalKind.InvalidInput, "questionnaire.answer-invalid", "SHARE-9", value, text, expected);

    /// <summary><c>questionnaire.answer-type</c> (InvalidInput, SHARE-9): Question '{0}' has unknown answer type {1}.</summary>
    internal static CollabRefusalException QuestionnaireAnswerType(object? questionId, object? answerType) =>
        Make(RefusalKind.InvalidInput, "questionnaire.answer-type", "SHARE-9", questionId, answerType);

    /// <summary><c>questionnaire.completed</c> (RuleViolation, SHARE-9): This questionnaire is completed; ask the office to send it again to change an answer.</summary>
    internal static CollabRefusalException QuestionnaireCompleted() =>
        Make(RefusalKind.RuleViolation, "questionnaire.completed", "SHARE-9");

    /// <summary><c>questionnaire.incomplete</c> (RuleViolation, SHARE-9): {0} required question(s) are unanswered ({1}): answer them before completing.</summary>
    internal static CollabRefusalException QuestionnaireIncomplete(object? missingCount, object? missing) =>
        Make(RefusalKind.RuleViolation, "questionnaire.incomplete", "SHARE-9", missingCount, missing);

    /// <summary><c>questionnaire.question-id</c> (InvalidInput, SHARE-9): Question id '{0}' is invalid or used twice: use 1 to 40 of a-z, 0-9, '-' and '_', unique in the questionnaire.</summary>
    internal static CollabRefusalException QuestionnaireQuestionId(object? questionId) =>
        Make(RefusalKind.InvalidInput, "questionnaire.question-id", "SHARE-9", questionId);

    /// <summary><c>questionnaire.questions</c> (InvalidInput, SHARE-9): Each section has 1 to 200 questions.</summary>
    internal static CollabRefusalException QuestionnaireQuestions() =>
        Make(RefusalKind.InvalidInput, "questionnaire.questions", "SHARE-9");

    /// <summary><c>questionnaire.reminder-already-sent</c> (RuleViolation, SHARE-4): The reminder for questionnaire {0} was already sent at {1}: a task gets it once.</summary>
    internal static CollabRefusalException QuestionnaireReminderAlreadySent(object? name, object? reminderSentAt) =>
        Make(RefusalKind.RuleViolation, "questionnaire.reminder-already-sent", "SHARE-4", name, reminderSentAt);

    /// <summary><c>questionnaire.sections</c> (InvalidInput, SHARE-9): A questionnaire has 1 to 50 sections.</summary>
    internal static CollabRefusalException QuestionnaireSections() =>
        Make(RefusalKind.InvalidInput, "questionnaire.sections", "SHARE-9");

    /// <summary><c>questionnaire.unknown-question</c> (InvalidInput, SHARE-9): This questionnaire has no question '{0}'.</summary>
    internal static CollabRefusalException QuestionnaireUnknownQuestion(object? questionId) =>
        Make(RefusalKind.InvalidInput, "questionnaire.unknown-question", "SHARE-9", questionId);

    /// <summary><c>questions.already-sent</c> (RuleViolation, SHARE-8): This batch was sent: start a new batch for more questions.</summary>
    internal static CollabRefusalException QuestionsAlreadySent() =>
        Make(RefusalKind.RuleViolation, "questions.already-sent", "SHARE-8");

    /// <summary><c>questions.empty</c> (InvalidInput, SHARE-8): The batch has no questions yet: add at least one before sending.</summary>
    internal static CollabRefusalException QuestionsEmpty() =>
        Make(RefusalKind.InvalidInput, "questions.empty", "SHARE-8");

    /// <summary><c>questions.not-sent</c> (RuleViolation, SHARE-8): This batch has not been sent yet.</summary>
    internal static CollabRefusalException QuestionsNotSent() =>
        Make(RefusalKind.RuleViolation, "questions.not-sent", "SHARE-8");

    /// <summary><c>questions.too-many</c> (InvalidInput, SHARE-8): A batch holds at most {0} questions: send this one and start another.</summary>
    internal static CollabRefusalException QuestionsTooMany(object? maxQuestions) =>
        Make(RefusalKind.InvalidInput, "questions.too-many", "SHARE-8", maxQuestions);

    /// <summary><c>questions.unknown-question</c> (InvalidInput, SHARE-8): The batch has no question {0}: answer one of 1 to {1}.</summary>
    internal static CollabRefusalException QuestionsUnknownQuestion(object? number, object? questionsCount) =>
        Make(RefusalKind.InvalidInput, "questions.unknown-question", "SHARE-8", number, questionsCount);

    /// <summary><c>registration.accountant-package-missing</c> (RuleViolation, ONB-1): Office {0} has no accountant package, which registering clients for online collaboration needs: add it to the office's subscription first.</summary>
    internal static CollabRefusalException RegistrationAccountantPackageMissing(object? name) =>
        Make(RefusalKind.RuleViolation, "registration.accountant-package-missing", "ONB-1", name);

    /// <summary><c>registration.existing-customer</c> (RuleViolation, ONB-2): The client with address {0} is already a customer, so it cannot be registered again: ask the client to grant your office rights to its administration instead.</summary>
    internal static CollabRefusalException RegistrationExistingCustomer(object? email) =>
        Make(RefusalKind.RuleViolation, "registration.existing-customer", "ONB-2", email);

    /// <summary><c>registration.number-required</c> (InvalidInput, ONB-1): A new administration needs a number: use ClientRegistration.WithNewAdministration.</summary>
    internal static CollabRefusalException RegistrationNumberRequired() =>
        Make(RefusalKind.InvalidInput, "registration.number-required", "ONB-1");

    /// <summary><c>retention.already-deleted</c> (RuleViolation, RET-2): Administration {0} is deleted or being deleted: there is nothing left to hold.</summary>
    internal static CollabRefusalException RetentionAlreadyDeleted(object? number) =>
        Make(RefusalKind.RuleViolation, "retention.already-deleted", "RET-2", number);

    /// <summary><c>retention.deletion-under-way</c> (RuleViolation, RET-2): The deletion of administration {0} started at {1} and can no longer be called off: restore a backup instead.</summary>
    internal static CollabRefusalException RetentionDeletionUnderWay(object? administrationNumber, object? started) =>
        Make(RefusalKind.RuleViolation, "retention.deletion-under-way", "RET-2", administrationNumber, started);

    /// <summary><c>retention.no-legal-hold</c> (RuleViolation, RET-2): Administration {0} has no legal hold to lift.</summary>
    internal static CollabRefusalException RetentionNoLegalHold(object? number) =>
        Make(RefusalKind.RuleViolation, "retention.no-legal-hold", "RET-2", number);

    /// <summary><c>retention.not-scheduled</c> (RuleViolation, RET-2): The deletion of administration {0} is {1}, no longer scheduled.</summary>
    internal static CollabRefusalException RetentionNotScheduled(object? administrationNumber, object? state) =>
        Make(RefusalKind.RuleViolation, "retention.not-scheduled", "RET-2", administrationNumber, state);

    /// <summary><c>rights.already-granted</c> (RuleViolation, ONB-3): Office {0} already has rights to administration {1} (granted {2}): nothing to do.</summary>
    internal static CollabRefusalException RightsAlreadyGranted(object? officeId, object? administrationId, object? grantedAt) =>
        Make(RefusalKind.RuleViolation, "rights.already-granted", "ONB-3", officeId, administrationId, grantedAt);

    /// <summary><c>rights.not-granted</c> (RuleViolation, ONB-4): Office {0} has no rights to administration {1}: there is nothing to revoke.</summary>
    internal static CollabRefusalException RightsNotGranted(object? officeId, object? administrationId) =>
        Make(RefusalKind.RuleViolation, "rights.not-granted", "ONB-4", officeId, administrationId);

    /// <summary><c>rights.office-holds-administration</c> (RuleViolation, ONB-3): Office {0} holds administration {1} itself and already has access: no grant is needed.</summary>
    internal static CollabRefusalException RightsOfficeHoldsAdministration(object? office, object? number) =>
        Make(RefusalKind.RuleViolation, "rights.office-holds-administration", "ONB-3", office, number);

    /// <summary><c>rights.plan-not-eligible</c> (RuleViolation, ONB-3): Plan {0} does not allow granting an office rights: move the client to one of {1} first.</summary>
    internal static CollabRefusalException RightsPlanNotEligible(object? plan, object? eligible) =>
        Make(RefusalKind.RuleViolation, "rights.plan-not-eligible", "ONB-3", plan, eligible);

    /// <summary><c>rights.registration-channel</c> (InvalidInput, ONB-3): Rights granted by a client come from the Desktop or the Web edition; Registration is only for grants made when an office registers a client.</summary>
    internal static CollabRefusalException RightsRegistrationChannel() =>
        Make(RefusalKind.InvalidInput, "rights.registration-channel", "ONB-3");

    /// <summary><c>rights.subscription-cancelled</c> (RuleViolation, ONB-3): The client's subscription is cancelled, so it cannot grant rights: reactivate the subscription first.</summary>
    internal static CollabRefusalException RightsSubscriptionCancelled() =>
        Make(RefusalKind.RuleViolation, "rights.subscription-cancelled", "ONB-3");

    /// <summary><c>rights.unknown-channel</c> (InvalidInput, ONB-3): Channel {0} is unknown: use GrantChannel.Desktop or GrantChannel.Web.</summary>
    internal static CollabRefusalException RightsUnknownChannel(object? channel) =>
        Make(RefusalKind.InvalidInput, "rights.unknown-channel", "ONB-3", channel);

    /// <summary><c>statement.month-not-over</c> (RuleViolation, TIER-7): The statement of {0} cannot be issued yet: the month is not over until {1} in the office's time zone. Issue it once the month is over.</summary>
    internal static CollabRefusalException StatementMonthNotOver(object? month, object? until) =>
        Make(RefusalKind.RuleViolation, "statement.month-not-over", "TIER-7", month, until);

    /// <summary><c>subscription.already-cancelled</c> (RuleViolation, ONB-6): The subscription was already cancelled; its online administrations are deleted on {0:yyyy-MM-dd}.</summary>
    internal static CollabRefusalException SubscriptionAlreadyCancelled(object? deletionDate) =>
        Make(RefusalKind.RuleViolation, "subscription.already-cancelled", "ONB-6", deletionDate);

    /// <summary><c>subscription.billing-party</c> (InvalidInput, ONB-1): Billing party {0} does not exist: bill the Office or the Client.</summary>
    internal static CollabRefusalException SubscriptionBillingParty(object? party) =>
        Make(RefusalKind.InvalidInput, "subscription.billing-party", "ONB-1", party);

    /// <summary><c>subscription.deletion-day-reached</c> (RuleViolation, RET-2): The deletion day {0:yyyy-MM-dd} has come, so the subscription can no longer be reactivated: start a new one and restore a backup.</summary>
    internal static CollabRefusalException SubscriptionDeletionDayReached(object? day) =>
        Make(RefusalKind.RuleViolation, "subscription.deletion-day-reached", "RET-2", day);

    /// <summary><c>subscription.none</c> (RuleViolation, ONB-6): Client {0} has no online subscription to {1}.</summary>
    internal static CollabRefusalException SubscriptionNone(object? client, object? verb) =>
        Make(RefusalKind.RuleViolation, "subscription.none", "ONB-6", client, verb);

    /// <summary><c>subscription.not-cancelled</c> (RuleViolation, RET-2): The subscription runs: there is nothing to reactivate.</summary>
    internal static CollabRefusalException SubscriptionNotCancelled() =>
        Make(RefusalKind.RuleViolation, "subscription.not-cancelled", "RET-2");

    /// <summary><c>tier.concurrent-change</c> (ConcurrencyConflict, TIER-5): Client {0} was changed by someone else during the bulk change, so its tier was left alone: check it and change it again.</summary>
    internal static CollabRefusalException TierConcurrentChange(object? client) =>
        Make(RefusalKind.ConcurrencyConflict, "tier.concurrent-change", "TIER-5", client);

    /// <summary><c>tier.feature-not-included</c> (RuleViolation, SHARE-11): Feature {0} is not included in tier {1}: it needs tier {2} or higher. Change the client's tier first.</summary>
    internal static CollabRefusalException TierFeatureNotIncluded(object? feature, object? tier, object? needed) =>
        Make(RefusalKind.RuleViolation, "tier.feature-not-included", "SHARE-11", feature, tier, needed);

    /// <summary><c>tier.open-work-needs-feature</c> (RuleViolation, TIER-4): Tier {0} lacks features that open work of client {1} depends on: finish or withdraw first: {2}.</summary>
    internal static CollabRefusalException TierOpenWorkNeedsFeature(object? tier, object? client, object? what) =>
        Make(RefusalKind.RuleViolation, "tier.open-work-needs-feature", "TIER-4", tier, client, what);

    /// <summary><c>tier.too-many-client-users</c> (RuleViolation, TIER-4): Client {0} has {1} active client users ({2}) but tier {3} allows {4}: deactivate {5} of them first.</summary>
    internal static CollabRefusalException TierTooManyClientUsers(object? client, object? activeUsers, object? who, object? tier, object? allowed, object? excess) =>
        Make(RefusalKind.RuleViolation, "tier.too-many-client-users", "TIER-4", client, activeUsers, who, tier, allowed, excess);

    /// <summary><c>tier.unknown</c> (InvalidInput, TIER-1): Tier {0} is unknown: use Standard, Collaborate or CollaborateExtended.</summary>
    internal static CollabRefusalException TierUnknown(object? tier) =>
        Make(RefusalKind.InvalidInput, "tier.unknown", "TIER-1", tier);

    /// <summary><c>transfer.administration-not-in-environment</c> (RuleViolation, XFER-1): Administration {0} is not in environment {1}: only administrations of the old environment can move.</summary>
    internal static CollabRefusalException TransferAdministrationNotInEnvironment(object? number, object? name) =>
        Make(RefusalKind.RuleViolation, "transfer.administration-not-in-environment", "XFER-1", number, name);

    /// <summary><c>transfer.already-requested</c> (RuleViolation, XFER-1): Transfer {0} for some of these administrations is still open ({1}): finish, refuse or cancel it first.</summary>
    internal static CollabRefusalException TransferAlreadyRequested(object? openId, object? state) =>
        Make(RefusalKind.RuleViolation, "transfer.already-requested", "XFER-1", openId, state);

    /// <summary><c>transfer.bank-link-invalid</c> (InvalidInput, XFER-5): Bank link '{0}' names no bank, an administration that does not move, or an unknown manager: correct it.</summary>
    internal static CollabRefusalException TransferBankLinkInvalid(object? bank) =>
        Make(RefusalKind.InvalidInput, "transfer.bank-link-invalid", "XFER-5", bank);

    /// <summary><c>transfer.cancel-by-other</c> (Forbidden, XFER-2): Only the user who requested the transfer can cancel it: ask them, or refuse it as a party instead.</summary>
    internal static CollabRefusalException TransferCancelByOther() =>
        Make(RefusalKind.Forbidden, "transfer.cancel-by-other", "XFER-2");

    /// <summary><c>transfer.client-identity-gone</c> (RuleViolation, XFER-4): The client's identity {0} no longer exists: restore it, then execute again.</summary>
    internal static CollabRefusalException TransferClientIdentityGone(object? clientEmail) =>
        Make(RefusalKind.RuleViolation, "transfer.client-identity-gone", "XFER-4", clientEmail);

    /// <summary><c>transfer.client-identity-unknown</c> (RuleViolation, XFER-4): {0} is not an active user of the client that owns these administrations: give the e-mail address the client signs in with.</summary>
    internal static CollabRefusalException TransferClientIdentityUnknown(object? email) =>
        Make(RefusalKind.RuleViolation, "transfer.client-identity-unknown", "XFER-4", email);

    /// <summary><c>transfer.executor-not-administrator</c> (Forbidden, XFER-4): Only an administrator of the old or the new environment can execute a transfer: ask one of them.</summary>
    internal static CollabRefusalException TransferExecutorNotAdministrator() =>
        Make(RefusalKind.Forbidden, "transfer.executor-not-administrator", "XFER-4");

    /// <summary><c>transfer.no-administrations</c> (InvalidInput, XFER-1): A transfer moves at least one administration: name the administrations to move.</summary>
    internal static CollabRefusalException TransferNoAdministrations() =>
        Make(RefusalKind.InvalidInput, "transfer.no-administrations", "XFER-1");

    /// <summary><c>transfer.not-that-party</c> (Forbidden, XFER-3): User {0} cannot act as {1}: nobody consents or refuses for another party. Ask {2} to do it.</summary>
    internal static CollabRefusalException TransferNotThatParty(object? email, object? party, object? who) =>
        Make(RefusalKind.Forbidden, "transfer.not-that-party", "XFER-3", email, party, who);

    /// <summary><c>transfer.same-environment</c> (InvalidInput, XFER-1): The old and the new environment are the same: choose the environment the administrations should join.</summary>
    internal static CollabRefusalException TransferSameEnvironment() =>
        Make(RefusalKind.InvalidInput, "transfer.same-environment", "XFER-1");

    /// <summary><c>transfer.several-clients</c> (RuleViolation, XFER-1): The administrations belong to different clients: a transfer moves administrations of one client; make one request per client.</summary>
    internal static CollabRefusalException TransferSeveralClients() =>
        Make(RefusalKind.RuleViolation, "transfer.several-clients", "XFER-1");

    /// <summary><c>transfer.unknown-billing-party</c> (InvalidInput, XFER-6): Billing party {0} is unknown: use Office or Client.</summary>
    internal static CollabRefusalException TransferUnknownBillingParty(object? billedTo) =>
        Make(RefusalKind.InvalidInput, "transfer.unknown-billing-party", "XFER-6", billedTo);

    /// <summary><c>transfer.unknown-party</c> (InvalidInput, XFER-2): Party {0} is unknown: use OldEnvironmentAdministrator, Client or NewEnvironmentAdministrator.</summary>
    internal static CollabRefusalException TransferUnknownParty(object? party) =>
        Make(RefusalKind.InvalidInput, "transfer.unknown-party", "XFER-2", party);

    /// <summary><c>user.already-inactive</c> (RuleViolation, TIER-4): User {0} is already deactivated: nothing to do.</summary>
    internal static CollabRefusalException UserAlreadyInactive(object? email) =>
        Make(RefusalKind.RuleViolation, "user.already-inactive", "TIER-4", email);

    /// <summary><c>user.company-already-given</c> (RuleViolation, TIER-8): User {0} can already reach company {1}: nothing to do.</summary>
    internal static CollabRefusalException UserCompanyAlreadyGiven(object? email, object? name) =>
        Make(RefusalKind.RuleViolation, "user.company-already-given", "TIER-8", email, name);

    /// <summary><c>user.company-not-reached</c> (Forbidden, SEC-5): You cannot give company {0}: you may only give companies you can reach yourself.</summary>
    internal static CollabRefusalException UserCompanyNotReached(object? name) =>
        Make(RefusalKind.Forbidden, "user.company-not-reached", "SEC-5", name);

    /// <summary><c>user.company-of-other-client</c> (Forbidden, SEC-1): Company {0} belongs to another client: a client user can only be given companies of its own client.</summary>
    internal static CollabRefusalException UserCompanyOfOtherClient(object? name) =>
        Make(RefusalKind.Forbidden, "user.company-of-other-client", "SEC-1", name);

    /// <summary><c>user.email-taken</c> (RuleViolation, TIER-8): A user with e-mail address {0} already exists: use that user, or another address.</summary>
    internal static CollabRefusalException UserEmailTaken(object? email) =>
        Make(RefusalKind.RuleViolation, "user.email-taken", "TIER-8", email);

    /// <summary><c>user.invitation-already-accepted</c> (RuleViolation, SEC-7): User {0} already accepted its invitation: nothing to do.</summary>
    internal static CollabRefusalException UserInvitationAlreadyAccepted(object? email) =>
        Make(RefusalKind.RuleViolation, "user.invitation-already-accepted", "SEC-7", email);

    /// <summary><c>user.invitation-unusable</c> (Forbidden, SEC-7): This invitation cannot be used: it is unknown, was already used, was replaced or has expired. Ask whoever invited you for a new one.</summary>
    internal static CollabRefusalException UserInvitationUnusable() =>
        Make(RefusalKind.Forbidden, "user.invitation-unusable", "SEC-7");

    /// <summary><c>user.not-client-administrator-candidate</c> (RuleViolation, SEC-5): User {0} cannot become the client's administrator: it is an office's invitee or already its administrator.</summary>
    internal static CollabRefusalException UserNotClientAdministratorCandidate(object? email) =>
        Make(RefusalKind.RuleViolation, "user.not-client-administrator-candidate", "SEC-5", email);

    /// <summary><c>user.office-homed-administrator</c> (Forbidden, SEC-5): User {0} is invited by an office and cannot administer the client's account: a client administrator invites the client's own users.</summary>
    internal static CollabRefusalException UserOfficeHomedAdministrator(object? email) =>
        Make(RefusalKind.Forbidden, "user.office-homed-administrator", "SEC-5", email);

    /// <summary><c>user.tier-user-limit</c> (RuleViolation, TIER-2): Client {0} already has {1} active client user(s), all that tier {2} includes: deactivate one, or move the client to tier {3} for extra users.</summary>
    internal static CollabRefusalException UserTierUserLimit(object? client, object? active, object? best, object? next) =>
        Make(RefusalKind.RuleViolation, "user.tier-user-limit", "TIER-2", client, active, best, next);
}
