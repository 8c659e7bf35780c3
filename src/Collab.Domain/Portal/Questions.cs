using NodaTime;

namespace Collab.Portal;

/// <summary>Where a question batch stands (SHARE-8).</summary>
public enum QuestionBatchState
{
    /// <summary>The office is still collecting questions.</summary>
    Draft = 1,

    /// <summary>Sent to the client; some questions are unanswered.</summary>
    Sent = 2,

    /// <summary>Every question is answered.</summary>
    Answered = 3,
}

/// <summary>One question of a batch, for one service.</summary>
/// <param name="Number">Its number in the batch, from 1.</param>
/// <param name="Service">The service it is for, such as "income tax return" or "annual report".</param>
/// <param name="Text">The question.</param>
/// <param name="Answer">The client's answer, once given.</param>
/// <param name="AnsweredAt">When it was answered.</param>
public sealed record BatchQuestion(int Number, string Service, string Text, string? Answer = null, Instant? AnsweredAt = null);

/// <summary>
/// Questions for several services, collected by the office and sent to the client as one batch (SHARE-8); the
/// client answers question by question, and the batch's status follows.
/// </summary>
public sealed class QuestionBatch : AggregateRoot
{
    internal const int MaxQuestions = 200;
    private readonly List<BatchQuestion> _questions = [];

    private QuestionBatch() => Title = string.Empty;

    /// <summary>The batch's id.</summary>
    public QuestionBatchId Id { get; private set; }

    /// <summary>The office asking.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company the questions concern.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>The batch's title.</summary>
    public string Title { get; private set; }

    /// <summary>Draft, sent or answered.</summary>
    public QuestionBatchState State { get; private set; }

    /// <summary>When it was sent.</summary>
    public Instant? SentAt { get; private set; }

    /// <summary>The questions, in order.</summary>
    public IReadOnlyList<BatchQuestion> Questions => _questions;

    /// <summary>How many are answered.</summary>
    public int AnsweredCount => Questions.Count(q => q.Answer is not null);

    /// <summary>The status as the portal shows it, such as <c>2/5 answered</c>.</summary>
    public string Status => State == QuestionBatchState.Draft ? "Draft" : $"{AnsweredCount}/{Questions.Count} answered";

    internal static QuestionBatch Create(OfficeId office, ClientId client, CompanyId company, string title) =>
        new() { Id = QuestionBatchId.New(), OfficeId = office, ClientId = client, CompanyId = company, Title = Guard.Name(title, "batch title"), State = QuestionBatchState.Draft };

    internal void Add(string service, string text, Instant now)
    {
        if (State != QuestionBatchState.Draft)
        {
            throw CollabRefusals.QuestionsAlreadySent();
        }

        if (Questions.Count >= MaxQuestions)
        {
            throw CollabRefusals.QuestionsTooMany(MaxQuestions);
        }

        _questions.Add(new BatchQuestion(_questions.Count + 1, Guard.Name(service, "service"), Text(text, "question")));
        Raise(new PortalItemChanged(now));
    }

    internal void Send(Actor actor, Instant now)
    {
        if (State != QuestionBatchState.Draft)
        {
            throw CollabRefusals.QuestionsAlreadySent();
        }

        if (Questions.Count == 0)
        {
            throw CollabRefusals.QuestionsEmpty();
        }

        State = QuestionBatchState.Sent;
        SentAt = now;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.QuestionBatchSent, AuditSubject.Client(ClientId),
            $"batch={Id};company={CompanyId};questions={Questions.Count};services={string.Join(",", Questions.Select(q => q.Service).Distinct())}"));
    }

    internal void Answer(int number, string answer, UserId user, Instant now)
    {
        if (State == QuestionBatchState.Draft)
        {
            throw CollabRefusals.QuestionsNotSent();
        }

        var question = Questions.FirstOrDefault(q => q.Number == number)
            ?? throw CollabRefusals.QuestionsUnknownQuestion(number, Questions.Count);
        _questions[_questions.IndexOf(question)] = question with { Answer = Text(answer, "answer"), AnsweredAt = now };
        Raise(new Registry.RegistryChanged(now, Actor.ClientUser(user), AuditAction.QuestionAnswered, AuditSubject.Client(ClientId),
            $"batch={Id};office={OfficeId};company={CompanyId};question={number};service={question.Service};again={question.Answer is not null}"));
        if (_questions.TrueForAll(q => q.Answer is not null))
        {
            State = QuestionBatchState.Answered;
        }
    }

    internal static string Text(string? value, string field)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > 4000
            ? throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, $"questions.{field}-invalid", "common.text-length", "SHARE-8", Refuse.Field(field), 4000))
            : text;
    }
}
