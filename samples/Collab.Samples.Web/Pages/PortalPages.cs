using System.Text;
using Collab.Deliverables;
using Collab.Portal;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// The client portal (SHARE-6 … SHARE-10): the permanent history of every company the user may reach, documents both
/// ways, question batches and questionnaires to answer; and the office's side of them: asking questions, sending a
/// questionnaire and following its progress, sending a document, and the house-style editor with its contrast check.
/// </summary>
internal static class PortalPages
{
    /// <summary>The demo's questionnaire: sections per service part (SHARE-9).</summary>
    private static readonly QuestionnaireSection[] IncomeTax =
    [
        new("auto", [new("auto-zaak", "Rijdt u een auto van de zaak?", AnswerType.YesNo)]),
        new("hypotheek", [new("rente", "Hoeveel hypotheekrente betaalde u in 2025?", AnswerType.Amount), new("toelichting", "Toelichting", AnswerType.Text, Required: false)]),
    ];

    public static void Map(WebApplication app)
    {
        var portal = app.MapGroup("/portal/{slug}").RequireAuthorization();
        portal.MapGet("/", History);
        portal.MapPost("/reports/{id:guid}/approve", async (HttpContext context, string slug, Guid id, DeliverableSharing deliverables) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            await deliverables.ApproveAsync(me.Party, new DeliverableId(id));
            return Results.Redirect($"/portal/{Uri.EscapeDataString(slug)}");
        });
        portal.MapGet("/documents/{id:guid}", async (HttpContext context, Guid id, PortalDocuments service) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            var (document, content) = await service.OpenDocumentAsync(me.Party, new DocumentId(id));
            return Results.Stream(content, document.ContentType, document.FileName);
        });
        portal.MapPost("/documents", async (HttpContext context, string slug, [FromForm] Guid company, IFormFile file, PortalService service, PortalDocuments documents) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            var owner = await service.FindBySlugAsync(slug) ?? throw new BadHttpRequestException("Unknown portal.", 404);
            await using var content = file.OpenReadStream();
            await documents.UploadDocumentAsync(me.Party, owner.OfficeId, new CompanyId(company), file.FileName, file.ContentType, content);
            return Results.Redirect($"/portal/{Uri.EscapeDataString(slug)}");
        });
        portal.MapGet("/questionnaires/{id:guid}", Questionnaire);
        portal.MapPost("/questionnaires/{id:guid}/answers", async (HttpContext context, string slug, Guid id, QuestionAnswers questions) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            var form = await context.Request.ReadFormAsync();
            foreach (var (question, value) in form.Where(f => f.Key.StartsWith("q-", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value)))
            {
                await questions.AnswerQuestionnaireAsync(me.Party, new QuestionnaireId(id), question[2..], value.ToString());
            }

            if (form.ContainsKey("complete"))
            {
                await questions.CompleteQuestionnaireAsync(me.Party, new QuestionnaireId(id));
            }

            return Results.Redirect($"/portal/{Uri.EscapeDataString(slug)}/questionnaires/{id}");
        });
        portal.MapGet("/questions/{id:guid}", Questions);
        portal.MapPost("/questions/{id:guid}/{number:int}", async (HttpContext context, string slug, Guid id, int number, [FromForm] string answer, QuestionAnswers questions) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            await questions.AnswerAsync(me.Party, new QuestionBatchId(id), number, answer);
            return Results.Redirect($"/portal/{Uri.EscapeDataString(slug)}/questions/{id}");
        });

        var office = app.MapGroup("/office").RequireAuthorization();
        office.MapGet("/questionnaires", OfficeQuestions);
        office.MapPost("/questionnaires", async (HttpContext context, [FromForm] Guid company, [FromForm] DateOnly deadline, QuestionnaireTemplates questions) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var template = await questions.CreateTemplateAsync(me.Party, me.Office, "Aangifte inkomstenbelasting 2025", IncomeTax);
            var outcome = (await questions.SendAsync(me.Party, template.Id, [new CompanyId(company)], LocalDate.FromDateOnly(deadline))).Single();
            if (outcome.Refusal is { } refusal)
            {
                throw new CollabRefusalException(refusal);
            }

            return Results.Redirect($"/office/questionnaires/{template.Id.Value}");
        });
        office.MapGet("/questionnaires/{id:guid}", async (HttpContext context, Guid id, QuestionnaireTemplates questions) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var progress = await questions.ProgressAsync(me.Party, new QuestionnaireTemplateId(id));
            return Page("Questionnaire progress", Table(["company", "state", "answered"],
                progress.Select(p => new[] { E(p.Company), $"<span class=\"questionnaire-state\">{E(p.State)}</span>", $"{p.Answered} of {p.Questions}" }), "progress")
                + "<p><a href=\"/office/questionnaires\">Back</a></p>");
        });
        office.MapPost("/questions", async (HttpContext context, [FromForm] Guid company, [FromForm] string title, [FromForm] string first, [FromForm] string second, QuestionBatches questions) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var batch = await questions.StartBatchAsync(me.Party, me.Office, new CompanyId(company), title);
            await questions.AddQuestionAsync(me.Party, batch.Id, "jaarrekening", first);
            await questions.AddQuestionAsync(me.Party, batch.Id, "aangifte", second);
            await questions.SendBatchAsync(me.Party, batch.Id);
            return Results.Redirect("/office/questionnaires");
        });
        office.MapPost("/documents", async (HttpContext context, [FromForm] Guid company, IFormFile file, PortalDocuments service) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await using var content = file.OpenReadStream();
            await service.UploadDocumentAsync(me.Party, me.Office, new CompanyId(company), file.FileName, file.ContentType, content);
            return Results.Redirect("/office/questionnaires");
        });
        office.MapGet("/house-style", HouseStyleEditor);
        office.MapPost("/house-style", async (HttpContext context, [FromForm] string slug, [FromForm] string primary, [FromForm] string text, [FromForm] string background,
            [FromForm] string welcome, [FromForm] string? reminder, [FromForm] string? englishWelcome, HouseStyles service) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var current = await service.HouseStyleForOfficeAsync(me.Party, me.Office);
            await service.SetHouseStyleAsync(me.Party, me.Office, new HouseStyleRequest(slug, current?.LogoReference, primary, text, background, welcome,
                string.IsNullOrWhiteSpace(reminder) ? null : reminder, string.IsNullOrWhiteSpace(englishWelcome) ? null : englishWelcome));
            return Results.Redirect("/office/house-style?saved=1");
        });
    }

    private static async Task<IResult> History(HttpContext context, string slug, IServiceProvider sp)
    {
        var me = await SignedIn.ClientUserAsync(context);
        var service = sp.GetRequiredService<PortalService>();
        var owner = await service.FindBySlugAsync(slug) ?? throw new BadHttpRequestException("Unknown portal.", 404);
        var style = await service.HouseStyleForClientAsync(me.Party, owner.OfficeId, me.Client);
        var page = await service.HistoryAsync(me.Party, null, 50);
        var companies = (await sp.GetRequiredService<CollabRegistry>().ListCompaniesAsync(me.Party, me.Client, context.RequestAborted)).ToList(); // Collab lists only what the user may reach (SEC-1)
        var names = companies.ToDictionary(c => c.Id, c => c.Name);
        var root = $"/portal/{Uri.EscapeDataString(slug)}";
        var rows = page.Items.Select(i => new[]
        {
            E(i.Kind), $"<span class=\"item-title\">{E(i.Title)}</span>", E(names.GetValueOrDefault(i.CompanyId)), $"<span class=\"item-status\">{E(i.Status)}</span>",
            i.Deadline is { } d ? $"<span class=\"deadline\">{(i.Kind == PortalItemKind.Deliverable ? "approve" : "answer")} by {d:yyyy-MM-dd}</span>" : string.Empty,
            i.Kind switch
            {
                PortalItemKind.Deliverable when i.OpenAction => Form(context, $"{root}/reports/{i.Id}/approve", string.Empty, "Approve", "approve"),
                PortalItemKind.Document => $"<a class=\"document\" href=\"{root}/documents/{i.Id}\">Download {E(i.Title)}</a>",
                PortalItemKind.Questionnaire => $"<a class=\"questionnaire\" href=\"{root}/questionnaires/{i.Id}\">{(i.OpenAction ? "Fill in" : "View")} {E(i.Title)}</a>",
                PortalItemKind.QuestionBatch => $"<a class=\"questions\" href=\"{root}/questions/{i.Id}\">{(i.OpenAction ? "Answer" : "View")} {E(i.Title)}</a>",
                _ => string.Empty,
            },
        });
        var upload = Form(context, $"{root}/documents", $"""
            <label>Company <select name="company">{string.Join(string.Empty, companies.Select(c => $"<option value=\"{c.Id.Value}\">{E(c.Name)}</option>"))}</select></label>
            <label>Document (PDF) <input type="file" name="file" accept="application/pdf" required></label>
            """, "Send to the office", "upload", files: true);
        return Page($"Portal of {style?.Slug ?? slug}", $"""
            <p class="welcome">{E(style?.WelcomeTextFor(LanguageOf(context)))}</p>
            <p>Signed in as {E(me.User.Email)}: everything of every company you may reach. <a href="/client" id="tasks">Your tasks</a> · <a href="{root}/insights" id="insights">Insights</a></p>
            <h2>History and open actions</h2>
            {Table(["kind", "title", "company", "status", "deadline", "action"], rows, "history")}
            <h2>Send a document to the office</h2>
            {upload}
            """, style);
    }

    private static async Task<IResult> Questionnaire(HttpContext context, string slug, Guid id, PortalReader questions)
    {
        var me = await SignedIn.ClientUserAsync(context);
        var questionnaire = await questions.FindQuestionnaireAsync(me.Party, new QuestionnaireId(id)) ?? throw new BadHttpRequestException("Unknown questionnaire.", 404);
        var open = questionnaire.State == QuestionnaireState.Open;
        var fields = new StringBuilder();
        foreach (var section in questionnaire.Sections)
        {
            fields.Append($"<fieldset><legend>{E(section.ServicePart)}</legend>");
            foreach (var q in section.Questions)
            {
                var value = questionnaire.Answers.GetValueOrDefault(q.Id);
                fields.Append(q.Type == AnswerType.YesNo
                    ? $"""<label>{E(q.Text)} <select name="q-{E(q.Id)}"{(open ? string.Empty : " disabled")}><option value=""></option><option value="yes"{(value == "yes" ? " selected" : string.Empty)}>Ja</option><option value="no"{(value == "no" ? " selected" : string.Empty)}>Nee</option></select></label>"""
                    : $"""<label>{E(q.Text)} <input name="q-{E(q.Id)}" value="{E(value)}"{(open ? string.Empty : " disabled")}></label>""");
            }

            fields.Append("</fieldset>");
        }

        var root = $"/portal/{Uri.EscapeDataString(slug)}";
        var body = open
            ? Form(context, $"{root}/questionnaires/{id}/answers", fields + """<label><input type="checkbox" name="complete" value="1"> I am done: send my answers to the office</label>""", "Save", "answers")
            : fields.ToString();
        return Page(questionnaire.Name, $"<p>State: <span class=\"questionnaire-state\">{E(questionnaire.State)}</span>.</p>{body}<p><a href=\"{root}\">Back to the portal</a></p>");
    }

    private static async Task<IResult> Questions(HttpContext context, string slug, Guid id, PortalReader questions)
    {
        var me = await SignedIn.ClientUserAsync(context);
        var batch = await questions.FindBatchAsync(me.Party, new QuestionBatchId(id)) ?? throw new BadHttpRequestException("Unknown questions.", 404);
        var root = $"/portal/{Uri.EscapeDataString(slug)}";
        var items = batch.Questions.Select(q => q.Answer is { } answer
            ? $"<li><strong>{E(q.Service)}:</strong> {E(q.Text)} — <span class=\"answer\">{E(answer)}</span></li>"
            : $"<li><strong>{E(q.Service)}:</strong> {E(q.Text)} {Form(context, $"{root}/questions/{id}/{q.Number}", $"""<label>Your answer <input name="answer" required></label>""", "Answer", $"answer-{q.Number}")}</li>");
        return Page(batch.Title, $"<p class=\"batch-status\">{E(batch.Status)}</p><ul>{string.Join(string.Empty, items)}</ul><p><a href=\"{root}\">Back to the portal</a></p>");
    }

    private static async Task<IResult> OfficeQuestions(HttpContext context, IServiceProvider sp)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        var options = await CompanyOptionsAsync(context, me);
        var deadline = sp.GetRequiredService<IClock>().GetCurrentInstant().InUtc().Date.PlusDays(21);
        return Page("Questions, questionnaires and documents", $"""
            <p>These need the client's tier to include them (SHARE-11): Collab refuses them for other clients, naming the tier that has them.</p>
            <h2>Send the income-tax questionnaire</h2>
            {Form(context, "/office/questionnaires", $"""<label>Company <select name="company">{options}</select></label><label>Deadline <input type="date" name="deadline" value="{deadline:yyyy-MM-dd}"></label>""", "Send the questionnaire", "send-questionnaire")}
            <h2>Ask questions in one batch</h2>
            {Form(context, "/office/questions", $"""
                <label>Company <select name="company">{options}</select></label>
                <label>Title <input name="title" value="Vragen bij de jaarstukken 2025" required></label>
                <label>Question for the annual report <input name="first" value="Is de voorraad per 31 december geteld?" required></label>
                <label>Question for the tax return <input name="second" value="Zijn er giften gedaan?" required></label>
                """, "Send the questions", "send-questions")}
            <h2>Send a document to a client</h2>
            {Form(context, "/office/documents", $"""<label>Company <select name="company">{options}</select></label><label>Document (PDF) <input type="file" name="file" accept="application/pdf" required></label>""", "Send the document", "send-document", files: true)}
            """);
    }

    private const string HexColour = "#[0-9A-Fa-f]{6}";

    private static async Task<IResult> HouseStyleEditor(HttpContext context, string? saved, HouseStyles service)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        var style = await service.HouseStyleForOfficeAsync(me.Party, me.Office);
        var form = Form(context, "/office/house-style", $"""
            <label>Portal address (slug) <input name="slug" value="{E(style?.Slug)}" required></label>
            <label>Primary colour <input name="primary" value="{E(style?.PrimaryColour ?? "#1A5276")}" pattern="{HexColour}" required></label>
            <label>Text colour <input name="text" value="{E(style?.TextColour ?? "#1C1C1C")}" pattern="{HexColour}" required></label>
            <label>Background colour <input name="background" value="{E(style?.BackgroundColour ?? "#FFFFFF")}" pattern="{HexColour}" required></label>
            <label>Welcome text <textarea name="welcome" required>{E(style?.WelcomeText)}</textarea></label>
            <label>Welcome text in English <textarea name="englishWelcome">{E(style?.EnglishWelcomeText)}</textarea></label>
            <label>Reminder text ({string.Join(", ", HouseStyle.ReminderPlaceholders)}) <textarea name="reminder">{E(style?.ReminderText)}</textarea></label>
            """, "Save the house style", "house-style");
        return Page("House style", $"""
            {(saved is null ? string.Empty : "<p class=\"saved\" role=\"status\">Saved.</p>")}
            <p>Colours must keep the portal readable: Collab refuses text on its background below a contrast of 4.5:1, and names the ratio it found.</p>
            {form}
            <p><a href="/portal/{E(style?.Slug)}">See the portal</a> (as a client)</p>
            """);
    }

    internal static async Task<string> CompanyOptionsAsync(HttpContext context, SignedIn me)
    {
        var registry = context.RequestServices.GetRequiredService<CollabRegistry>();
        var options = new StringBuilder();
        foreach (var collaboration in await context.RequestServices.GetRequiredService<TierService>().ListCollaborationsAsync(me.Party, me.Office, context.RequestAborted))
        {
            foreach (var company in await registry.ListCompaniesAsync(me.Party, collaboration.ClientId, context.RequestAborted))
            {
                options.Append($"<option value=\"{company.Id.Value}\">{E(company.Name)} ({E(collaboration.Tier)})</option>");
            }
        }

        return options.ToString();
    }
}
