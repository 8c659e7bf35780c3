using System.Reflection;
using System.Runtime.ExceptionServices;
using Collab.Deliverables;
using Collab.Portal;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Portal;

/// <summary>
/// SHARE-4: one deadline-reminder pass serves every kind of task, and each task is reminded at most once per reminder
/// rule even when the scheduler runs twice — here with a store whose due query still returns tasks already reminded
/// (a lagging replica, or a vendor's store that does not filter them): the pass itself passes them over. Before the
/// pass was shared, the questionnaire's copy reminded such a task again and the deliverable's copy failed the run.
/// </summary>
public abstract class DeadlineReminderContract(Engine engine, PostgresServer? postgres)
{
    private static readonly QuestionnaireSection[] Questions = [new("auto", [new("auto-zaak", "Rijdt u een auto van de zaak?", AnswerType.YesNo)])];

    // R: SHARE-4, SHARE-9
    [SkippableFact]
    public async Task SHARE4_a_questionnaire_is_reminded_once_when_the_scheduler_runs_twice_and_the_store_hands_it_back()
    {
        await using var b = await BooksWorld.CreateAsync(engine, postgres, services: s => Lagging<IQuestionnaireStore>(s, nameof(IQuestionnaireStore.FindDueQuestionnaireRemindersAsync),
            (sp, now) => sp.GetRequiredService<VendorDbContext>().Set<Questionnaire>().Where(q => q.State == QuestionnaireState.Open && q.ReminderDueAt <= now).ToListAsync()));
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var template = await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(b.W.Desk, b.W.Office.Id, "Aangifte IB 2025", Questions));
        await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(b.W.Desk, template.Id, [b.W.Company.Id], new LocalDate(2026, 5, 1)));
        b.Db.Clock.Reset(Instant.FromUtc(2026, 4, 29, 12, 0));

        var first = await b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync());
        var second = await b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync());

        Assert.Equal((1, 0), (first, second));
        Assert.Single(await b.DeliveredAsync(), n => n.Kind == NotificationKind.QuestionnaireReminder && n.Recipient == b.W.ClientUser.Email);
    }

    // R: SHARE-4, SHARE-3
    [SkippableFact]
    public async Task SHARE4_a_deliverable_is_reminded_once_when_the_scheduler_runs_twice_and_the_store_hands_it_back()
    {
        await using var b = await BooksWorld.CreateAsync(engine, postgres, services: s => Lagging<IDeliverableStore>(s, nameof(IDeliverableStore.FindDueRemindersAsync),
            (sp, now) => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().Where(d => d.State == DeliverableState.Shared && d.ReminderDueAt <= now).ToListAsync()));
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        var draft = await b.Run(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)));
        var shared = (await b.Run(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, new LocalDate(2026, 4, 30)))).Deliverable;
        b.Db.Clock.Reset(shared.ReminderDueAt!.Value + Duration.FromMinutes(1));

        var first = await b.Run(sp => sp.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync());
        var second = await b.Run(sp => sp.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync());

        Assert.Equal((1, 0), (first, second));
        Assert.Single(await b.DeliveredAsync(), n => n.Kind == NotificationKind.DeadlineReminder && n.Recipient == b.W.ClientUser.Email);
        Assert.Single(await World.AuditAsync(b.Db, AuditSubject.Deliverable(draft.Id)), r => r.Action == AuditAction.ReminderSent);
    }

    // Replaces one due query of the registered store with one that ignores whether the reminder was sent; the rest stays the real store.
    private static void Lagging<TStore>(IServiceCollection services, string method, Func<IServiceProvider, Instant, object> due)
        where TStore : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TStore));
        services.Remove(original);
        services.AddScoped(sp =>
        {
            var inner = (TStore)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            var proxy = DispatchProxy.Create<TStore, LaggingStore<TStore>>();
            ((LaggingStore<TStore>)(object)proxy).Set(inner, method, args => due(sp, (Instant)args![0]!));
            return proxy;
        });
    }

    /// <summary>A store whose one due query answers differently; every other member is the real store's.</summary>
    /// <typeparam name="TStore">The port.</typeparam>
#pragma warning disable CA1852 // DispatchProxy derives from it
    public class LaggingStore<TStore> : DispatchProxy
#pragma warning restore CA1852
    {
        private TStore? _inner;
        private string _method = string.Empty;
        private Func<object?[]?, object>? _due;

        internal void Set(TStore inner, string method, Func<object?[]?, object> due) => (_inner, _method, _due) = (inner, method, due);

        /// <inheritdoc />
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == _method)
            {
                return Convert(_due!(args), targetMethod.ReturnType);
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }

        // Task<List<T>> → Task<IReadOnlyList<T>>, the port's return type.
        private static object Convert(object task, Type returnType)
        {
            var element = returnType.GetGenericArguments()[0].GetGenericArguments()[0];
            return typeof(LaggingStore<TStore>).GetMethod(nameof(AsReadOnly), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element).Invoke(null, [task])!;
        }

        private static async Task<IReadOnlyList<T>> AsReadOnly<T>(Task<List<T>> task) => await task.ConfigureAwait(false);
    }
}

public sealed class DeadlineReminderOnSqlite() : DeadlineReminderContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class DeadlineReminderOnPostgres(PostgresServer postgres) : DeadlineReminderContract(Engine.Postgres, postgres);
