using Cooperation.ServiceDefaults.Testing;
using Cooperation.Contracts;
using Cooperation.Court.Persistence;
using Cooperation.Organs;
using Cooperation.Register;
using Cooperation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cooperation.Court.Register;

public static class RegisterSeeder
{
    /// <summary>
    /// Demo and test set-ups: the Registry puts the configured States in an empty register and tells
    /// the Prosecutor, like any other register entry. The Prosecutor never seeds: it learns the
    /// register through the Registry's messages only.
    /// </summary>
    public static async Task SeedRegisterAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var organ = services.GetRequiredService<CourtOrgan>();
        if (organ.Organ != Organ.Registry) return;
        var options = services.GetRequiredService<IOptions<RegisterOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        // Several instances may start at once on one PostgreSQL database (issue 12 §4): the first seeds, the others
        // wait for its commit and then find the States there. A transaction lock: it ends with the transaction, or
        // with the session of an instance killed meanwhile. (SQLite admits one process per file.)
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // The first instance may seed slowly on a loaded machine: wait for it as long as start-up waits for the
            // database, not the 15 s of an ordinary command (a competing instance died at start-up on that timeout).
            db.Database.SetCommandTimeout(services.GetRequiredService<IOptions<Cooperation.ServiceDefaults.Configuration.DatabaseOptions>>().Value.StartupTimeout);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7702190001)", ct);
            db.Database.SetCommandTimeout(null);
        }
        foreach (var text in options.States.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = StateCode.Parse(text).Value;
            if (await db.StateParties.AnyAsync(s => s.Code == code, ct)) continue;
            var now = clock.GetUtcNow();
            db.StateParties.Add(new StateParty { Code = code, RegisteredAt = now });
            var designation = ChannelDesignation.Initial("Central authority (demo)", ["en", "fr"], now);
            var record = ChannelDesignationRecord.From(code, designation);
            db.ChannelDesignations.Add(record);
            outbox.Send(new Uri($"exchange:{Addresses.ProsecutorQueue}"), RegisterMessages.Changed(code, record.Id, designation, now));
        }
        services.GetRequiredService<CrashPoints>().Reached(CrashPoints.StartupDuringSeeding);
        // One transaction: a process killed here leaves nothing seeded, and the next start seeds it all.
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
