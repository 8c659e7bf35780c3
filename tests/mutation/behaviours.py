#!/usr/bin/env python3
"""Hand-made mutations for the behaviours issue 24 listed as unproven: each one is a plausible mistake in src/, and
the test named beside it must fail once the mistake is in. Run on a scratch copy (it edits files and restores them):

    tests/mutation/behaviours.py            every mutation, SQLite twins only (about 1 minute each on two cores)
    tests/mutation/behaviours.py TIER-7     the mutations of one rule

Exit code 1 when any mutation survives. Results are recorded in docs/testing.md."""
import subprocess, sys, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]

# rule, file, exact text, replacement, test filter (the killing test's name), what the mistake is
MUTATIONS = [
    ("TIER-4", "src/Collab.Persistence.EfCore/Deliverables/EfDeliverableStore.cs",
     "&& (r.State == DeliverableState.Shared || r.State == DeliverableState.Viewed))\n            .Select(r => new { r.ClientId, r.Title, r.Deadline })",
     "&& (r.State == DeliverableState.Shared))\n            .Select(r => new { r.ClientId, r.Title, r.Deadline })",
     "TIER4_an_approval_the_client_has_viewed", "a viewed approval is not open work"),
    ("TIER-5", "src/Collab.Domain/Tiers/TierService.cs",
     "var changed = distinct.Where(c => decided[c].Status == TierChangeStatus.Changed)",
     "var changed = distinct.Any(c => decided[c].Status == TierChangeStatus.Refused) ? [] : distinct.Where(c => decided[c].Status == TierChangeStatus.Changed)",
     "TIER5_bulk_change_reports_per_client", "a refusal in a chunk drops the others' changes"),
    ("TIER-7", "src/Collab.Persistence.EfCore/Tiers/EfTierStore.cs",
     "_context.Set<CollabUser>().Count(u => u.ClientId == collaboration.ClientId && u.IsActive && u.Kind == UserKind.ClientUser)))",
     "_context.Set<CollabUser>().Count(u => u.ClientId == collaboration.ClientId && u.Kind == UserKind.ClientUser)))",
     "TIER7_the_statement_bills", "a deactivated client user is billed"),
    ("SHARE-4", "src/Collab.Persistence.EfCore/Deliverables/EfDeliverableStore.cs",
     ".Where(r => (r.State == DeliverableState.Shared || r.State == DeliverableState.Viewed) && r.ReminderSentAt == null && r.ReminderDueAt <= now)",
     ".Where(r => r.ReminderSentAt == null && r.ReminderDueAt <= now)",
     "SHARE4_no_reminder_for_a_task_that_is_no_longer_open", "reminders for decided or expired tasks"),
    ("SHARE-11", "src/Collab.Domain/Deliverables/DeliverableService.cs",
     "if (!await TierGate.AllowsAsync(_tiers, _catalogue, report.OfficeId, report.ClientId, Feature.DeadlineReminders, cancellationToken).ConfigureAwait(false))",
     "if (report.Id == default)",  # never true, and no unreachable-code warning (warnings are errors)
     "SHARE11_a_vendor_tier_that_approves_without_deadline_reminders", "DeadlineReminders not enforced for approvals"),
    ("SHARE-11", "src/Collab.Domain/Portal/QuestionService.cs",
     "if (!await TierGate.AllowsAsync(_tiers, _catalogue, questionnaire.OfficeId, questionnaire.ClientId, Feature.DeadlineReminders, cancellationToken).ConfigureAwait(false))",
     "if (questionnaire.Id == default)",
     "SHARE11_a_vendor_catalogue_without_deadline_reminders", "DeadlineReminders not enforced for questionnaires"),
    ("SHARE-11", "src/Collab.Domain/Portal/QuestionBatches.cs",
     "await _gate.RequireAsync(office, owner.ClientId, Feature.ClientQuestions, cancellationToken)",
     "await _gate.RequireAsync(office, owner.ClientId, Feature.DownloadReports, cancellationToken)",
     "SHARE11_questions_and_questionnaires_need_the_Extended_tier", "questions gated at Standard"),
    ("SHARE-11", "src/Collab.Domain/Portal/QuestionnaireTemplates.cs",
     "await _gate.RequireAsync(found.OfficeId, owner.ClientId, Feature.PrepareByClientQuestionnaires, cancellationToken)",
     "await _gate.RequireAsync(found.OfficeId, owner.ClientId, Feature.ShareAndApproveAnnualReports, cancellationToken)",
     "SHARE11_questions_and_questionnaires_need_the_Extended_tier", "questionnaires gated at Collaborate"),
    ("SHARE-12", "src/Collab.Domain/Deliverables/DeliverableService.cs",
     "if (found.Mode != ShareMode.TemporaryLink)\n        {\n            throw Refuse.Violation(\"report.not-shared-by-link\"",
     "if (found.State == DeliverableState.Draft)\n        {\n            throw Refuse.Violation(\"report.not-shared-by-link\"",
     "SHARE12_a_deliverable_that_went_out_for_approval", "an approval-mode deliverable gets a one-time link"),
    ("ONB-6", "src/Collab.Persistence.EfCore/Lifecycle/EfLifecycleStore.cs",
     ".Where(a => a.ClientId == client && a.State == AdministrationState.Live)",
     ".Where(a => a.ClientId == client && a.State != AdministrationState.Deleted)",
     "ONB6_cancelling_schedules_only_the_live_administrations", "a released administration is scheduled"),
    ("ONB-6", "src/Collab.Domain/Authorization/CollabAuthorization.cs",
     "if (user is not { IsActive: true } || !MayTake(action, kind))",
     "if (user is null || (!user.IsActive && kind == ActorKind.OfficeUser) || !MayTake(action, kind))",
     "ONB6_a_client_user_who_was_deactivated_cannot_cancel|XFER3_a_party_deactivated_before_it_consents", "a deactivated client user still acts"),
    ("SEC-1", "src/Collab.Domain/Authorization/CollabAuthorization.cs",
     "if (user is not { IsActive: true } || !MayTake(action, kind))",
     "if (user is null || (!user.IsActive && kind == ActorKind.ClientUser) || !MayTake(action, kind))",
     "SEC1_an_office_user_who_was_deactivated", "a deactivated office user still acts"),
    ("RET-1", "src/Collab.Domain/Lifecycle/DeletionSchedule.cs",
     "var cancelDay = cancelledAt.InZone(zone).Date;",
     "var cancelDay = cancelledAt.InUtc().Date;",
     "RET1_a_cancellation_between_local_midnight_and_two", "the deletion day counted from the UTC date"),
    ("RET-1", "src/Collab.Domain/Transfers/TransferService.cs",
     "var lastDay = now.InZone(zone).Date.PlusDays(_options.TransferValidityDays);",
     "var lastDay = now.InUtc().Date.PlusDays(_options.TransferValidityDays);",
     "RET1_a_request_made_between_local_midnight_and_two", "a transfer's validity counted from the UTC date"),
    ("RET-2", "src/Collab.Domain/Lifecycle/RetentionPolicy.cs",
     "if (question.Today > keepThrough)",
     "if (question.Today >= keepThrough)",
     "RET2_the_last_day_of_the_period_itself|RET2_books_may_go_only_after", "books deleted on the last day they must be kept"),
    ("RET-2", "src/Collab.Domain/Lifecycle/RetentionService.cs",
     "LatestBackupSinceAsync(schedule.AdministrationId, schedule.CancelledAt, cancellationToken)",
     "LatestBackupSinceAsync(schedule.AdministrationId, NodaTime.Instant.MinValue, cancellationToken)",
     "RET2_a_backup_made_before_cancelling", "a backup from before the cancellation counts as the offered one"),
    ("LIC-3", "src/Collab.Domain/Licences/LicenceService.cs",
     "if (today < content.ValidFrom)",
     "if (today <= content.ValidFrom)",
     "LIC3_a_licence_is_valid_on_its_first_and_its_last_day", "refused on its first day"),
    ("LIC-3", "src/Collab.Domain/Licences/LicenceService.cs",
     "if (today > content.ValidUntil)",
     "if (today >= content.ValidUntil)",
     "LIC3_a_licence_is_valid_on_its_first_and_its_last_day", "refused on its last day"),
    ("LIC-3", "src/Collab.Domain/Licences/LicenceService.cs",
     "var today = _clock.GetCurrentInstant().InZone(zone).Date;",
     "var today = _clock.GetCurrentInstant().InUtc().Date;",
     "LIC3_a_licence_is_valid_on_its_first_and_its_last_day", "validity read on the UTC date"),
    ("LIC-5", "src/Collab.Domain/Backups/BackupService.cs",
     "var licenceMissing = administration.Licence is not (LicenceSource.ClientFile or LicenceSource.ClientSubscription);",
     "var licenceMissing = administration.Licence == LicenceSource.Office;",
     "LIC5_a_backup_of_an_administration_whose_licence_was_never_recorded", "an unknown licence passes as the client's"),
    ("LIC-6", "src/Collab.Domain/Backups/BackupService.cs",
     "        var copy = Administration.Create(original.ClientId, original.CompanyId, newNumber, name, original.HolderOfficeId, original.EnvironmentId,",
     "        original.Release(BackupId.New(), actor, _clock.GetCurrentInstant());\n        var copy = Administration.Create(original.ClientId, original.CompanyId, newNumber, name, original.HolderOfficeId, original.EnvironmentId,",
     "LIC6_copying_to_a_new_number", "copying releases the original"),
    ("LINK-1", "src/Collab.Persistence.EfCore/Links/IntegrationLinkConfiguration.cs",
     "builder.HasIndex(x => new { x.App, x.AdministrationId }).IsUnique()",
     "builder.HasIndex(x => new { x.App, x.AdministrationId })",
     "LINK1_the_database_refuses_a_second_link_of_one_app_to_the_same_bookkeeping", "the bookkeeping side is not unique"),
    ("LINK-5", "src/Collab.Domain/Links/CustomerMatcher.cs",
     "matches[n] = new CustomerMatch(customer.Id, outcome, null, candidates.Ids(customers, also: target));",
     "matches[n] = new CustomerMatch(customer.Id, outcome, null, candidates.Ids(customers));",
     "LINK5_existing_customers_are_matched", "a conflict lists only the named candidates, not the numbered one"),
    ("SEC-3", "src/Collab.Domain/Tiers/BillingService.cs",
     "        await _access.AuthorizeAsync(party, CollabAction.ReadStatement, office, cancellationToken).ConfigureAwait(false);\n",
     "",
     "AuthorizationMatrixProperty", "the statement read without the access check (a survivor of the tiers run: its tests are outside that run's filter)"),
    ("AUD-1", "src/Collab.Persistence.EfCore/Common/EfUnitOfWork.cs",
     "            aggregate.ClearDomainEvents();",
     "",
     "LIC6_copying_to_a_new_number|LIC7_restoring_at_the_client", "an aggregate saved twice records its events twice"),
]


def run(cmd):
    return subprocess.run(cmd, cwd=ROOT, shell=True, capture_output=True, text=True)


def main():
    wanted = sys.argv[1:]
    survivors = []
    for rule, path, old, new, tests, mistake in MUTATIONS:
        if wanted and rule not in wanted:
            continue
        file = ROOT / path
        original = file.read_text()
        if original.count(old) != 1:
            print(f"{rule:9} STALE     {path}: the text to mutate is not there exactly once; update behaviours.py")
            survivors.append(rule)
            continue
        file.write_text(original.replace(old, new, 1))
        try:
            build = run("dotnet build tests/Collab.Tests -c Release -v q -nologo 2>&1")
            if build.returncode != 0:
                print(f"{rule:9} NOBUILD   {mistake}"); survivors.append(rule); continue
            names = "|".join(f"FullyQualifiedName~{t}" for t in tests.split("|"))
            test = run(f"dotnet test tests/Collab.Tests -c Release --no-build --filter \"(FullyQualifiedName~OnSqlite|FullyQualifiedName~Properties|FullyQualifiedName~AuthorizationMatrixProperty)&({names})\" 2>&1")
            ran = "Total:" in test.stdout
            killed = ran and test.returncode != 0
            print(f"{rule:9} {'KILLED ' if killed else 'SURVIVED'}  {mistake}  <- {tests}")
            if not killed:
                survivors.append(rule)
        finally:
            file.write_text(original)
    run("dotnet build tests/Collab.Tests -c Release -v q -nologo")
    print(f"{len(survivors)} survived" if survivors else "every mutation was killed")
    sys.exit(1 if survivors else 0)


if __name__ == "__main__":
    main()
