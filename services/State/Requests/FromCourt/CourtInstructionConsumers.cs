using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Persistence;

namespace Cooperation.State.Requests.FromCourt;

public sealed class WithdrawRequestConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<WithdrawRequest>(db, inbox)
{
    protected override RequestCommand Command(WithdrawRequest m) => new RequestCommand.Withdraw();
}

/// <summary>Art 91(1), 96(1): the urgent request has been confirmed through the designated channel.</summary>
public sealed class ConfirmRequestConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<ConfirmRequest>(db, inbox)
{
    protected override RequestCommand Command(ConfirmRequest m) => new RequestCommand.RecordConfirmation(m.ConfirmedAt);
}

/// <summary>
/// e.g. a warrant unsealed after arrest: the State is notified, and the event (request-unsealed, with the
/// authorising decision, or request-reclassified) is in the request's history on both sides.
/// </summary>
public sealed class ReclassifyRequestConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<ReclassifyRequest>(db, inbox)
{
    protected override RequestCommand Command(ReclassifyRequest m) => new RequestCommand.Reclassify(m.NewClassification, m.AuthorisingDecision);
}
