using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Persistence;

/// <summary>What the stores promise on every engine: exact NodaTime round-trips, a versioned schema, Collab beside the vendor's own tables.</summary>
public abstract class PersistenceContract(Engine engine, PostgresServer? postgres)
{
    // Instants over the whole range .NET clocks produce (years 1..9999), with DST-change instants of
    // Europe/Amsterdam and the Unix epoch forced in; LocalDates with month ends and leap days forced in.
    private static readonly Instant Min = Instant.FromUtc(1, 1, 1, 0, 0);
    private static readonly Instant Max = Instant.FromUtc(9999, 12, 31, 23, 59, 59) + Duration.FromTicks(9_999_999);

    private static readonly Gen<Instant> Instants = Gen.OneOf(
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((long)t.Item1 << 32) | (uint)t.Item2)
            .Select(ticks => Instant.FromUnixTimeTicks(Min.ToUnixTimeTicks() + (long)((ulong)ticks % (ulong)(Max.ToUnixTimeTicks() - Min.ToUnixTimeTicks())))),
        Gen.Elements(Min, Max, Instant.FromUnixTimeTicks(0), Instant.FromUtc(2026, 3, 29, 1, 0), Instant.FromUtc(2026, 10, 25, 0, 59, 59) + Duration.FromTicks(9_999_999)));

    private static readonly Gen<LocalDate> Dates = Gen.OneOf(
        Gen.Choose(1, 9999).SelectMany(y => Gen.Choose(1, 12).SelectMany(m => Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(y, m)).Select(d => new LocalDate(y, m, d)))),
        Gen.Elements(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31), new LocalDate(2024, 2, 29), new LocalDate(2000, 2, 29), new LocalDate(2026, 1, 31)));

    // Storage fidelity that RET-1's calendar arithmetic relies on; it proves no rule itself, so it cites none.
    [SkippableFact]
    public async Task Instants_and_local_dates_round_trip_exactly_and_sort_in_time_order()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        var pairs = Gen.ListOf(Instants.Zip(Dates), 40).Select(l => l.ToArray());
        var property = Prop.ForAll(Arb.From(pairs), values =>
        {
            var stored = db.InScopeAsync(async sp =>
            {
                var context = sp.GetRequiredService<VendorDbContext>();
                var batch = Guid.NewGuid().ToString("N");
                context.Invoices.AddRange(values.Select(v => new VendorInvoice { Reference = batch, IssuedAt = v.Item1, DueDate = v.Item2 }));
                await context.SaveChangesAsync();
                return batch;
            }).GetAwaiter().GetResult();
            var read = db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Invoices.AsNoTracking()
                .Where(i => i.Reference == stored).OrderBy(i => i.IssuedAt).ThenBy(i => i.Id).ToListAsync()).GetAwaiter().GetResult();
            // Stores keep whole microseconds (PostgreSQL's precision) on every engine: that is what must come back.
            var expected = values.Select((v, i) => (v: (InstantPrecision.ToMicroseconds(v.Item1), v.Item2), i))
                .OrderBy(x => x.v.Item1).ThenBy(x => x.i).Select(x => x.v).ToList();
            return read.Select(r => (r.IssuedAt, r.DueDate)).SequenceEqual(expected);
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    [SkippableFact]
    public async Task A_new_database_holds_the_current_schema_version_beside_the_vendors_tables()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);

        await db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            Assert.Equal(CollabDatabase.SchemaVersion, await CollabDatabase.ReadSchemaVersionAsync(context));
            await CollabDatabase.VerifySchemaAsync(context);
            context.Invoices.Add(new VendorInvoice { Reference = "INV-1" });
            await context.SaveChangesAsync();
            Assert.Equal(1, await context.Invoices.CountAsync());
        });
    }

    [SkippableFact]
    public async Task A_database_without_Collab_tables_is_reported_with_what_to_run()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        await db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            await context.Database.ExecuteSqlRawAsync("DROP TABLE collab_schema");
            Assert.Null(await CollabDatabase.ReadSchemaVersionAsync(context));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CollabDatabase.VerifySchemaAsync(context));
            Assert.Contains("migrations", error.Message, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task An_outdated_schema_version_is_reported_before_any_request_fails()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        await db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            await context.Database.ExecuteSqlRawAsync("UPDATE collab_schema SET \"Version\" = 0");
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CollabDatabase.VerifySchemaAsync(context));
            Assert.Contains($"needs version {CollabDatabase.SchemaVersion}", error.Message, StringComparison.Ordinal);
        });
    }
}

public sealed class PersistenceOnSqlite() : PersistenceContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PersistenceOnPostgres(PostgresServer postgres) : PersistenceContract(Engine.Postgres, postgres);
