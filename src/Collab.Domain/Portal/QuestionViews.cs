using NodaTime;

namespace Collab.Portal;

/// <summary>
/// A batch of questions to a client (SHARE-8) as its readers see it (SEC-6): the office that made it, and — once sent — the
/// client users that may see that office's work for the company. A copy taken at the read.
/// </summary>
/// <param name="Id">The batch's id.</param>
/// <param name="OfficeId">The office that asks.</param>
/// <param name="ClientId">The client asked.</param>
/// <param name="CompanyId">The company it concerns.</param>
/// <param name="Title">Its title.</param>
/// <param name="State">Draft, sent or answered.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Questions">Its questions with their answers so far, in order.</param>
public sealed record QuestionBatchView(
    QuestionBatchId Id, OfficeId OfficeId, ClientId ClientId, CompanyId CompanyId, string Title, QuestionBatchState State, Instant? SentAt,
    IReadOnlyList<BatchQuestion> Questions)
{
    /// <summary>How many questions are answered.</summary>
    public int AnsweredCount => Questions.Count(q => q.Answer is not null);

    /// <summary>A short status for lists: "Draft" or "2/5 answered".</summary>
    public string Status => State == QuestionBatchState.Draft ? "Draft" : $"{AnsweredCount}/{Questions.Count} answered";

    internal static QuestionBatchView Of(QuestionBatch b) => new(b.Id, b.OfficeId, b.ClientId, b.CompanyId, b.Title, b.State, b.SentAt, [.. b.Questions]);
}

/// <summary>A questionnaire template (SHARE-9) as its office sees it (SEC-6): a template is the office's own. A copy taken at the read.</summary>
/// <param name="Id">The template's id.</param>
/// <param name="OfficeId">The office.</param>
/// <param name="Name">Its name.</param>
/// <param name="TemplateVersion">Its version: each edit adds one.</param>
/// <param name="Sections">Its sections per service part, with typed questions.</param>
public sealed record QuestionnaireTemplateView(QuestionnaireTemplateId Id, OfficeId OfficeId, string Name, int TemplateVersion, IReadOnlyList<QuestionnaireSection> Sections)
{
    internal static QuestionnaireTemplateView Of(QuestionnaireTemplate t) => new(t.Id, t.OfficeId, t.Name, t.TemplateVersion, t.Sections);
}

/// <summary>
/// A questionnaire sent to a client (SHARE-9) as its readers see it (SEC-6): the office that sent it and the client users that
/// may see that office's work for the company. A copy taken at the read.
/// </summary>
/// <param name="Id">The questionnaire's id.</param>
/// <param name="TemplateId">The template it came from.</param>
/// <param name="TemplateVersion">The template's version at sending.</param>
/// <param name="Name">Its name, as sent.</param>
/// <param name="OfficeId">The office.</param>
/// <param name="ClientId">The client.</param>
/// <param name="CompanyId">The company it concerns.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Deadline">The deadline, if any.</param>
/// <param name="ReminderDueAt">When the deadline reminder is due (SHARE-4's rule); null without a deadline.</param>
/// <param name="ReminderSentAt">When the reminder was sent.</param>
/// <param name="State">Open or completed.</param>
/// <param name="CompletedAt">When it was completed.</param>
/// <param name="Sections">The sections exactly as sent.</param>
/// <param name="Answers">The answers so far, by question id, in canonical text form (yes/no, 1234.50, 2026-03-31, a document id).</param>
public sealed record QuestionnaireView(
    QuestionnaireId Id, QuestionnaireTemplateId TemplateId, int TemplateVersion, string Name, OfficeId OfficeId, ClientId ClientId, CompanyId CompanyId,
    Instant SentAt, LocalDate? Deadline, Instant? ReminderDueAt, Instant? ReminderSentAt, QuestionnaireState State, Instant? CompletedAt,
    IReadOnlyList<QuestionnaireSection> Sections, IReadOnlyDictionary<string, string> Answers)
{
    internal static QuestionnaireView Of(Questionnaire q) => new(
        q.Id, q.TemplateId, q.TemplateVersion, q.Name, q.OfficeId, q.ClientId, q.CompanyId, q.SentAt, q.Deadline, q.ReminderDueAt, q.ReminderSentAt, q.State,
        q.CompletedAt, q.Sections, q.Answers);
}
