using Cooperation.Court.Persistence;
using Cooperation.Register;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Register;

public static class RegisterLookup
{
    /// <summary>
    /// The designation that governs a request: the one in effect when it was first transmitted, or
    /// now for a new one. A later change never affects a pending request (RPE 180).
    /// </summary>
    public static async Task<ChannelDesignation?> ForRequestAsync(
        this CourtDbContext db, string stateCode, DateTimeOffset? firstTransmittedAt, DateTimeOffset now, CancellationToken ct)
    {
        var history = await db.ChannelDesignations.Where(d => d.StateCode == stateCode).ToListAsync(ct);
        return ChannelRegister.ForRequest(firstTransmittedAt, now, history.Select(h => h.ToDomain()));
    }
}
