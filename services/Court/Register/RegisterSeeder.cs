using Cooperation.Court.Persistence;
using Cooperation.Organs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cooperation.Court.Register;

public static class RegisterSeeder
{
    public static async Task SeedRegisterAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<RegisterOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        foreach (var text in options.States.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = StateCode.Parse(text).Value;
            if (await db.StateParties.AnyAsync(s => s.Code == code, ct)) continue;
            db.StateParties.Add(new StateParty
            {
                Code = code,
                ChannelAuthority = "Central authority (demo)",
                Languages = "en,fr",
                RegisteredAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
