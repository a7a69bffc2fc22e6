using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.FromCourt;

namespace Cooperation.State.Requests.Admissibility;

/// <summary>Art 94(2): the Prosecutor seeks measures to preserve evidence during the Art 94 postponement.</summary>
public sealed class PreservationMeasuresSoughtConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<PreservationMeasuresSought>(db, inbox)
{
    protected override RequestCommand Command(PreservationMeasuresSought m) => new RequestCommand.SeekPreservationMeasures(m.SenderOrgan, m.Measures);
}

/// <summary>Art 89(2), 95: the Court's admissibility ruling ends the postponement (inadmissible: the request ends Withdrawn).</summary>
public sealed class AdmissibilityRuledConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<AdmissibilityRuled>(db, inbox)
{
    protected override RequestCommand Command(AdmissibilityRuled m) => new RequestCommand.RecordAdmissibilityRuling(m.Admissible, m.Reference);
}

/// <summary>Art 95: the Court ordered that evidence collection may continue; the State may not postpone on Art 95.</summary>
public sealed class EvidenceCollectionOrderedConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<EvidenceCollectionOrdered>(db, inbox)
{
    protected override RequestCommand Command(EvidenceCollectionOrdered m) => new RequestCommand.RecordEvidenceCollectionOrder(m.Reference);
}

/// <summary>Art 87(1)(b): the request also went through INTERPOL or a regional organisation; shown on the State's view.</summary>
public sealed class OrganisationTransmissionRecordedConsumer(StateDbContext db, IInbox inbox)
    : CourtInstructionConsumer<OrganisationTransmissionRecorded>(db, inbox)
{
    protected override RequestCommand Command(OrganisationTransmissionRecorded m) => new RequestCommand.RecordOrganisationTransmission(
        new Cooperation.Requests.Channels.OrganisationTransmission(m.Channel, m.Organisation, m.Reference, m.At));
}

/// <summary>Art 99(4): the Prosecutor's direct execution on this State's territory, after the consultations the Prosecutor's service checked.</summary>
public sealed class DirectExecutionNotifiedConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<DirectExecutionNotified>(db, inbox)
{
    protected override RequestCommand Command(DirectExecutionNotified m) =>
        new RequestCommand.RecordDirectExecution(m.Plan, m.SenderOrgan, ConsultationsHeld: true);
}
