using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Collab.Portal;

/// <summary>What kind of answer a questionnaire question takes (SHARE-9).</summary>
public enum AnswerType
{
    /// <summary>Free text, up to 4 000 characters.</summary>
    Text = 1,

    /// <summary>Yes or no.</summary>
    YesNo = 2,

    /// <summary>An amount in euro, at most two decimals.</summary>
    Amount = 3,

    /// <summary>A date, as yyyy-MM-dd.</summary>
    Date = 4,

    /// <summary>A document the client uploaded through the portal (its <see cref="DocumentId"/>).</summary>
    File = 5,
}

/// <summary>A question of a questionnaire.</summary>
/// <param name="Id">Its id within the template: 1 to 40 of a–z, 0–9, '-' and '_'; unique across the template.</param>
/// <param name="Text">The question.</param>
/// <param name="Type">What kind of answer it takes.</param>
/// <param name="Required">Whether completing needs an answer.</param>
public sealed record QuestionDefinition(string Id, string Text, AnswerType Type, bool Required = true);

/// <summary>A section of a questionnaire, for one part of the service (for example "car" or "mortgage" of the income tax return).</summary>
/// <param name="ServicePart">The service part.</param>
/// <param name="Questions">Its questions.</param>
public sealed record QuestionnaireSection(string ServicePart, IReadOnlyList<QuestionDefinition> Questions);

/// <summary>
/// One question with the section it belongs to: how a questionnaire's <c>Sections</c> are stored, flat, so a store
/// keeps them as one list (Collab's EF store: a JSON column).
/// </summary>
/// <param name="Section">The section's position, from 0.</param>
/// <param name="ServicePart">The section's service part.</param>
/// <param name="Id">The question's id.</param>
/// <param name="Text">The question.</param>
/// <param name="Type">What kind of answer it takes.</param>
/// <param name="Required">Whether completing needs an answer.</param>
public sealed record QuestionnaireEntry(int Section, string ServicePart, string Id, string Text, AnswerType Type, bool Required)
{
    internal static List<QuestionnaireEntry> Flatten(IEnumerable<QuestionnaireSection> sections) =>
        sections.SelectMany((section, index) => section.Questions.Select(q => new QuestionnaireEntry(index, section.ServicePart, q.Id, q.Text, q.Type, q.Required))).ToList();

    internal static IReadOnlyList<QuestionnaireSection> Sections(IEnumerable<QuestionnaireEntry> entries) =>
        entries.GroupBy(e => (e.Section, e.ServicePart))
            .Select(g => new QuestionnaireSection(g.Key.ServicePart, g.Select(e => new QuestionDefinition(e.Id, e.Text, e.Type, e.Required)).ToList()))
            .ToList();
}

/// <summary>A client's answer to one questionnaire question, in canonical text form.</summary>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Value">The answer: yes/no, 1234.50, 2026-03-31 or a document id.</param>
public sealed record QuestionnaireAnswer(string QuestionId, string Value);

/// <summary>
/// A prepare-by-client questionnaire template of an office (SHARE-9). Every edit makes a new <see cref="Version"/>;
/// what was sent keeps the version it was sent with, frozen in each <see cref="Questionnaire"/>.
/// </summary>
public sealed partial class QuestionnaireTemplate : AggregateRoot
{
    private readonly List<QuestionnaireEntry> _entries = [];

    private QuestionnaireTemplate() => Name = string.Empty;

    /// <summary>The template's id.</summary>
    public QuestionnaireTemplateId Id { get; private set; }

    /// <summary>The office that owns it.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>Its name.</summary>
    public string Name { get; private set; }

    /// <summary>Its version: 1 when created, one more for every edit.</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>The sections, as of this version.</summary>
    public IReadOnlyList<QuestionnaireSection> Sections => QuestionnaireEntry.Sections(_entries);

    /// <summary>The questions of <see cref="Sections"/>, flat, in order: what a store keeps.</summary>
    public IReadOnlyList<QuestionnaireEntry> Entries => _entries;

    internal static QuestionnaireTemplate Create(OfficeId office, string name, IReadOnlyList<QuestionnaireSection> sections, Actor actor, Instant now)
    {
        var template = new QuestionnaireTemplate { Id = QuestionnaireTemplateId.New(), OfficeId = office };
        template.Edit(name, sections, actor, now);
        return template;
    }

    internal void Edit(string name, IReadOnlyList<QuestionnaireSection> sections, Actor actor, Instant now)
    {
        Name = Guard.Name(name, "questionnaire name");
        var entries = QuestionnaireEntry.Flatten(Check(sections));
        _entries.Clear();
        _entries.AddRange(entries);
        TemplateVersion++;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.QuestionnaireTemplateSaved, AuditSubject.Office(OfficeId),
            $"template={Id};version={TemplateVersion};sections={sections.Count};questions={sections.Sum(s => s.Questions.Count)}"));
    }

    private static List<QuestionnaireSection> Check(IReadOnlyList<QuestionnaireSection>? sections)
    {
        if (sections is null || sections.Count is < 1 or > 50)
        {
            throw CollabRefusals.QuestionnaireSections();
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var checkedSections = new List<QuestionnaireSection>(sections.Count);
        foreach (var section in sections)
        {
            if (section?.Questions is null || section.Questions.Count is < 1 or > 200)
            {
                throw CollabRefusals.QuestionnaireQuestions();
            }

            var questions = new List<QuestionDefinition>(section.Questions.Count);
            foreach (var question in section.Questions)
            {
                if (question is null || !QuestionIdPattern().IsMatch(question.Id ?? string.Empty) || !ids.Add(question.Id!))
                {
                    throw CollabRefusals.QuestionnaireQuestionId(question?.Id);
                }

                if (!Enum.IsDefined(question.Type))
                {
                    throw CollabRefusals.QuestionnaireAnswerType(question.Id, (int)question.Type);
                }

                questions.Add(question with { Text = QuestionBatch.Text(question.Text, "question") });
            }

            checkedSections.Add(new QuestionnaireSection(Guard.Name(section.ServicePart, "service part"), questions));
        }

        return checkedSections;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionIdPattern();
}

/// <summary>Where a client's questionnaire stands.</summary>
public enum QuestionnaireState
{
    /// <summary>Sent; the client is filling it in.</summary>
    Open = 1,

    /// <summary>Completed by the client.</summary>
    Completed = 2,
}

/// <summary>
/// A questionnaire sent to one client (SHARE-9): the template's content frozen at the version sent, so later edits
/// of the template never change what the client received; the client's answers, typed; completion.
/// </summary>
public sealed class Questionnaire : AggregateRoot, IDeadlineTask
{
    private readonly List<QuestionnaireEntry> _entries = [];
    private readonly List<QuestionnaireAnswer> _givenAnswers = [];

    private Questionnaire() => Name = string.Empty;

    /// <summary>The questionnaire's id.</summary>
    public QuestionnaireId Id { get; private set; }

    /// <summary>The template it came from.</summary>
    public QuestionnaireTemplateId TemplateId { get; private set; }

    /// <summary>The template's version at sending.</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>Its name, as sent.</summary>
    public string Name { get; private set; }

    /// <summary>The office.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company it concerns.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>When it was sent.</summary>
    public Instant SentAt { get; private set; }

    /// <summary>The deadline, if any.</summary>
    public LocalDate? Deadline { get; private set; }

    /// <summary>When the deadline reminder is due (SHARE-4's rule); null without a deadline.</summary>
    public Instant? ReminderDueAt { get; private set; }

    /// <summary>When the reminder was sent.</summary>
    public Instant? ReminderSentAt { get; private set; }

    /// <summary>Open or completed.</summary>
    public QuestionnaireState State { get; private set; }

    /// <summary>When it was completed.</summary>
    public Instant? CompletedAt { get; private set; }

    /// <summary>The sections exactly as sent.</summary>
    public IReadOnlyList<QuestionnaireSection> Sections => QuestionnaireEntry.Sections(_entries);

    /// <summary>The questions of <see cref="Sections"/>, flat, in order: what a store keeps.</summary>
    public IReadOnlyList<QuestionnaireEntry> Entries => _entries;

    /// <summary>The answers so far, by question id, in canonical text form (yes/no, 1234.50, 2026-03-31, a document id).</summary>
    public IReadOnlyDictionary<string, string> Answers => _givenAnswers.ToDictionary(a => a.QuestionId, a => a.Value, StringComparer.Ordinal);

    /// <summary>The answers so far, one per answered question, in the order first answered: what a store keeps.</summary>
    public IReadOnlyList<QuestionnaireAnswer> GivenAnswers => _givenAnswers;

    internal static Questionnaire Send(QuestionnaireTemplate template, ClientId client, CompanyId company, LocalDate? deadline, Instant? reminderDueAt, Actor actor, Instant now)
    {
        var questionnaire = new Questionnaire
        {
            Id = QuestionnaireId.New(),
            TemplateId = template.Id,
            TemplateVersion = template.TemplateVersion,
            Name = template.Name,
            OfficeId = template.OfficeId,
            ClientId = client,
            CompanyId = company,
            SentAt = now,
            Deadline = deadline,
            ReminderDueAt = reminderDueAt,
            State = QuestionnaireState.Open,
        };
        questionnaire._entries.AddRange(template.Entries.Select(e => e with { })); // copies: the template's later edits cannot reach them
        questionnaire.Raise(new Registry.RegistryChanged(now, actor, AuditAction.QuestionnaireSent, AuditSubject.Client(client),
            $"questionnaire={questionnaire.Id};template={template.Id};version={template.TemplateVersion};company={company};deadline={deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}"));
        return questionnaire;
    }

    internal void Answer(string questionId, string value, Func<DocumentId, bool> isClientDocument, Instant now)
    {
        EnsureOpen();
        var entry = _entries.FirstOrDefault(q => q.Id == questionId)
            ?? throw CollabRefusals.QuestionnaireUnknownQuestion(questionId);
        var answer = new QuestionnaireAnswer(questionId, Canonical(new QuestionDefinition(entry.Id, entry.Text, entry.Type, entry.Required), value, isClientDocument));
        var index = _givenAnswers.FindIndex(a => a.QuestionId == questionId);
        if (index < 0)
        {
            _givenAnswers.Add(answer);
        }
        else
        {
            _givenAnswers[index] = answer;
        }

        Raise(new PortalItemChanged(now));
    }

    internal void Complete(UserId user, Instant now)
    {
        EnsureOpen();
        var missing = _entries.Where(q => q.Required && !_givenAnswers.Exists(a => a.QuestionId == q.Id)).Select(q => q.Id).ToList();
        if (missing.Count > 0)
        {
            throw CollabRefusals.QuestionnaireIncomplete(missing.Count, string.Join(", ", missing.Take(5)));
        }

        State = QuestionnaireState.Completed;
        CompletedAt = now;
        Raise(new Registry.RegistryChanged(now, Actor.ClientUser(user), AuditAction.QuestionnaireCompleted, AuditSubject.Client(ClientId),
            $"questionnaire={Id};office={OfficeId};company={CompanyId};template={TemplateId};version={TemplateVersion};answers={_givenAnswers.Count}"));
    }

    /// <summary>The client's tier has no deadline reminders when this one falls due (SHARE-11): none is sent.</summary>
    internal void SkipReminder() => ReminderDueAt = null;

    /// <summary>Records the reminder as queued: at most once (SHARE-4), as a deliverable's.</summary>
    internal void MarkReminderSent(Instant now)
    {
        if (ReminderSentAt is not null)
        {
            throw CollabRefusals.QuestionnaireReminderAlreadySent(Name, ReminderSentAt);
        }

        ReminderSentAt = now;
        Raise(new PortalItemChanged(now));
    }

    void IDeadlineTask.SkipReminder() => SkipReminder();

    void IDeadlineTask.MarkReminderSent(Instant now) => MarkReminderSent(now);

    private void EnsureOpen()
    {
        if (State != QuestionnaireState.Open)
        {
            throw CollabRefusals.QuestionnaireCompleted();
        }
    }

    /// <summary>Checks an answer against its question's type and returns its canonical text.</summary>
    internal static string Canonical(QuestionDefinition question, string? value, Func<DocumentId, bool> isClientDocument)
    {
        var text = value?.Trim() ?? string.Empty;
        CollabRefusalException Wrong(string expected) =>
            CollabRefusals.QuestionnaireAnswerInvalid(value, question.Text, expected);

        switch (question.Type)
        {
            case AnswerType.Text:
                return text.Length is >= 1 and <= 4000 ? text : throw Wrong("give 1 to 4 000 characters");
            case AnswerType.YesNo:
                return text.ToLowerInvariant() switch
                {
                    "yes" or "ja" or "true" => "yes",
                    "no" or "nee" or "false" => "no",
                    _ => throw Wrong("answer yes or no"),
                };
            case AnswerType.Amount:
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                    && decimal.Round(amount, 2) == amount && Math.Abs(amount) < 1_000_000_000_000m)
                {
                    return amount.ToString("0.00", CultureInfo.InvariantCulture);
                }

                throw Wrong("give an amount in euro with at most two decimals and a '.' as decimal point, such as 1234.50");
            case AnswerType.Date:
                var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
                return parsed.Success ? NodaTime.Text.LocalDatePattern.Iso.Format(parsed.Value) : throw Wrong("give a date as yyyy-MM-dd");
            default:
                return Guid.TryParse(text, out var document) && isClientDocument(new DocumentId(document))
                    ? document.ToString()
                    : throw Wrong("upload the file through the portal and answer with its document id");
        }
    }
}
