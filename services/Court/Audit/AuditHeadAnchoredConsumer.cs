using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Audit;
using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cooperation.Court.Audit;

/// <summary>
/// Records another service's audit head (issue 12). The sender is the transport's: a State's own queue names the State
/// (InboundSenderFilter has checked the claim); the organ's own queue only the Court's users can write, so there the
/// named Court service is taken. An anchor older than the one kept is late, not a truncation, and is ignored. A head
/// that went back is recorded (when, from, to), counted and logged, and becomes the anchor from then on.
/// </summary>
public sealed partial class AuditHeadAnchoredConsumer(CourtDbContext db, TimeProvider clock, ILogger<AuditHeadAnchoredConsumer> log)
    : IConsumer<AuditHeadAnchored>
{
    private static readonly Counter<long> Regressions = CooperationTelemetry.Meter.CreateCounter<long>(
        "cooperation.audit.anchor_regressions", description: "Audit heads that came back lower than the one anchored: entries cut off or rewritten");

    public async Task Consume(ConsumeContext<AuditHeadAnchored> context)
    {
        var m = context.Message;
        var service = TransportSender.StateOf(context) is { } state ? $"state:{state}"
            : CourtService().IsMatch(m.Service) ? m.Service
            : throw new UnacceptableMessageException("An audit head from a Court service that does not name itself registry, prosecutor or assembly.");
        if (m.Sequence < 0 || !Sha256Hex().IsMatch(m.Hash))
            throw new UnacceptableMessageException("An audit head needs a sequence from 0 (an empty log) and a SHA-256 hash in lowercase hex.");

        var kept = await db.AuditAnchors.FindAsync([service], context.CancellationToken);
        var now = clock.GetUtcNow();
        if (kept is null)
        {
            db.AuditAnchors.Add(new AuditAnchorRecord { Service = service, Sequence = m.Sequence, Hash = m.Hash, At = m.At, ReceivedAt = now });
        }
        else if (m.At <= kept.At) return;
        else
        {
            if (m.Sequence < kept.Sequence || (m.Sequence == kept.Sequence && m.Hash != kept.Hash))
            {
                // Recorded for good (and counted, and logged); the new head is the anchor from now on.
                (kept.RegressedAt, kept.RegressedFromSequence, kept.RegressedToSequence) = (now, kept.Sequence, m.Sequence);
                Regressions.Add(1, new KeyValuePair<string, object?>("service", service));
                log.LogWarning("Audit head of {Service} went back from {From} to {To}: entries were cut off or rewritten", service, kept.Sequence, m.Sequence);
            }
            (kept.Sequence, kept.Hash, kept.At, kept.ReceivedAt) = (m.Sequence, m.Hash, m.At, now);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }

    [GeneratedRegex("^(registry|prosecutor|assembly)$")]
    private static partial Regex CourtService();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
