using Cooperation.Proceedings.ApiReference;
using Cooperation.Contracts;
using Cooperation.ServiceDefaults.Audit;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Hosting;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Webhooks;
using Cooperation.State.Alerts;
using Cooperation.State.Arrest;
using Cooperation.State.Assembly;
using Cooperation.State.Configuration;
using Cooperation.State.Consultations;
using Cooperation.State.Consultations.Receive;
using Cooperation.State.Deadlines;
using Cooperation.State.NonCompliance;
using Cooperation.State.Persistence;
using Cooperation.State.Register;
using Cooperation.State.Register.Receive;
using Cooperation.State.Sandbox;
using Cooperation.State.Transit;
using Cooperation.State.Requests.Acknowledge;
using Cooperation.State.Requests.Deny;
using Cooperation.State.Requests.Execute;
using Cooperation.State.Requests.FromCourt;
using Cooperation.State.Requests.Postpone;
using Cooperation.State.Requests.Postponement;
using Cooperation.State.Requests.ReportProgress;
using Cooperation.State.Requests.Queries;
using Cooperation.State.Requests.Receive;
using MassTransit;

// One process hosting several State nodes (issue 11): each runs this program again with its own settings.
if (Cooperation.State.Hosting.HostedStateNodes.TakeFromEnvironment() is { Count: > 0 } hostedNodes)
    return await Cooperation.State.Hosting.HostedStateNodes.RunAsync(hostedNodes);

var builder = WebApplication.CreateBuilder(args);
builder.AddValidatedOptions<StateOptions, StateOptionsValidator>(StateOptions.Section);

// The code is needed to name the service and the queue before the container exists.
var code = builder.Configuration[$"{StateOptions.Section}:Code"] ?? "";
builder.AddServiceDefaults(
    $"state-{code.ToLowerInvariant()}",
    new Dictionary<string, object> { ["cooperation.state"] = code.ToUpperInvariant() });
// Only this State's own systems (scope state:<code>); another State's token is answered 404.
builder.AddPartnerAuthentication(new StateScopeRequirement(code));
builder.AddCooperationDatabase<StateDbContext, StateSqliteDbContext, StatePostgresDbContext>();
builder.AddConsultations();
builder.AddDeadlineScheduling();
builder.Services.AddDocumentedRefusals();
// Issue 12: the node's audit head is kept at the Registry, outside the State's own database.
builder.Services.AddAuditAnchoring(new AuditAnchorTarget(
    Addresses.FromStateTo(code.ToUpperInvariant(), Cooperation.Organs.Organ.Registry), "state", code.ToUpperInvariant()));
// A sandbox State (issue 14): answers by itself when Sandbox:Enabled, never in production.
builder.AddSandboxState();
// Webhook subscriptions of this State's own systems (issue 14, "Push"): events of this node only, signed.
builder.AddWebhooks($"/states/{code.ToUpperInvariant()}");
builder.AddCooperationMessaging(
    bus =>
    {
        bus.AddConsumer<TransmitRequestConsumer>();
        bus.AddConsumer<WithdrawRequestConsumer>();
        bus.AddConsumer<ConfirmRequestConsumer>();
        bus.AddConsumer<ReclassifyRequestConsumer>();
        bus.AddConsumer<PostponementPeriodProposedConsumer>();
        bus.AddConsumer<PostponementAgreedConsumer>();
        bus.AddConsumer<ReplyByDeadlineConsumer>();
        bus.AddConsumer<ConsultationOpenedConsumer>();
        bus.AddConsumer<ConsultationMessagePostedConsumer>();
        bus.AddConsumer<ConsultationClosedConsumer>();
        bus.AddConsumer<DeadlineNoticeConsumer>();
        bus.AddConsumer<StateRegisterEntryChangedConsumer>();
        bus.AddConsumer<Cooperation.State.Requests.Competing.CompetingAdmissibilityDeterminedConsumer>();
        bus.AddConsumer<Cooperation.State.Requests.Admissibility.PreservationMeasuresSoughtConsumer>();
        bus.AddConsumer<Cooperation.State.Requests.Admissibility.AdmissibilityRuledConsumer>();
        bus.AddConsumer<Cooperation.State.Requests.Admissibility.EvidenceCollectionOrderedConsumer>();
        bus.AddConsumer<Cooperation.State.Requests.Admissibility.OrganisationTransmissionRecordedConsumer>();
        bus.AddConsumer<Cooperation.State.Requests.Admissibility.DirectExecutionNotifiedConsumer>();
        bus.AddConsumer<MatterStepRecordedConsumer>();
        bus.AddConsumer<AssemblyStepTakenConsumer>();
        bus.AddConsumer<TravelAlertIssuedConsumer>();
    },
    (context, cfg) =>
    {
        // This State's broker user may read only its own queue and write only to its own outbound
        // exchanges (infra/broker): declare nothing else, publish no faults, use no per-process queue.
        cfg.OverrideDefaultBusEndpointQueueName("amq.rabbitmq.reply-to");
        cfg.ReceiveEndpoint(Addresses.StateQueue(code), e =>
        {
            e.ConfigureConsumeTopology = false;
            e.BindQueue = false;
            e.PublishFaults = false;
            e.UseCooperationRetry();
            e.ConfigureConsumer<TransmitRequestConsumer>(context);
            e.ConfigureConsumer<WithdrawRequestConsumer>(context);
            e.ConfigureConsumer<ConfirmRequestConsumer>(context);
            e.ConfigureConsumer<ReclassifyRequestConsumer>(context);
            e.ConfigureConsumer<PostponementPeriodProposedConsumer>(context);
            e.ConfigureConsumer<PostponementAgreedConsumer>(context);
            e.ConfigureConsumer<ReplyByDeadlineConsumer>(context);
            e.ConfigureConsumer<ConsultationOpenedConsumer>(context);
            e.ConfigureConsumer<ConsultationMessagePostedConsumer>(context);
            e.ConfigureConsumer<ConsultationClosedConsumer>(context);
            e.ConfigureConsumer<DeadlineNoticeConsumer>(context);
            e.ConfigureConsumer<StateRegisterEntryChangedConsumer>(context);
            e.ConfigureConsumer<Cooperation.State.Requests.Competing.CompetingAdmissibilityDeterminedConsumer>(context);
            e.ConfigureConsumer<Cooperation.State.Requests.Admissibility.PreservationMeasuresSoughtConsumer>(context);
            e.ConfigureConsumer<Cooperation.State.Requests.Admissibility.AdmissibilityRuledConsumer>(context);
            e.ConfigureConsumer<Cooperation.State.Requests.Admissibility.EvidenceCollectionOrderedConsumer>(context);
            e.ConfigureConsumer<Cooperation.State.Requests.Admissibility.OrganisationTransmissionRecordedConsumer>(context);
            e.ConfigureConsumer<Cooperation.State.Requests.Admissibility.DirectExecutionNotifiedConsumer>(context);
            e.ConfigureConsumer<MatterStepRecordedConsumer>(context);
            e.ConfigureConsumer<AssemblyStepTakenConsumer>(context);
            e.ConfigureConsumer<TravelAlertIssuedConsumer>(context);
        });
    });

return await builder.RunServiceAsync<StateDbContext>(app =>
{
    app.MapDefaultEndpoints();
    app.MapReceivedRequestQueries();
    app.MapAcknowledgeRequest();
    app.MapStartExecutionEndpoint();
    app.MapReportProgressEndpoint();
    app.MapExecuteRequestEndpoint();
    app.MapDenyRequestEndpoint();
    app.MapPostponeRequestEndpoint();
    app.MapResumeRequestEndpoint();
    app.MapPostponementPeriod();
    app.MapNotifyChannelChange();
    app.MapRegisterEntries();
    app.MapUnscheduledLanding();
    app.MapStateConsultations();
    app.MapArrestPath();
    Cooperation.State.Requests.Competing.CompetingExtraditionEndpoints.MapCompetingExtradition(app);
    app.MapStateDeadlines();
    app.MapStateMatters();
    app.MapStateAssembly();
    app.MapStateAlerts();
    app.MapWebhookSubscriptions("/states/{code}/webhooks", "State", WebhookEvents.AtStateNode,
        http => string.Equals(http.GetRouteValue("code") as string, code, StringComparison.OrdinalIgnoreCase));
});
