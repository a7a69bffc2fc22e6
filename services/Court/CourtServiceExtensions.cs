using Cooperation.Proceedings.ApiReference;
using Cooperation.Contracts;
using Cooperation.Court.Alerts;
using Cooperation.Court.Consultations;
using Cooperation.Court.Consultations.Modify;
using Cooperation.Court.Consultations.Receive;
using Cooperation.Court.Deadlines;
using Cooperation.Court.Inbound;
using Cooperation.Court.NonCompliance;
using Cooperation.Court.Records;
using Cooperation.Court.Persistence;
using Cooperation.Court.Public;
using Cooperation.Court.Register;
using Cooperation.Court.Register.AgreeDate;
using Cooperation.Court.Register.Notify;
using Cooperation.Court.Register.Propagate;
using Cooperation.Court.Register.Queries;
using Cooperation.Organs;
using Cooperation.Court.Requests.Draft;
using Cooperation.Court.Requests.Confirm;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Court.Requests.Evidence.Signals;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.Court.Requests.Execution;
using Cooperation.Court.Requests.Postponement;
using Cooperation.Court.Requests.Reclassify;
using Cooperation.Court.Requests.Withdraw;
using Cooperation.Court.Requests.Queries;
using Cooperation.Court.Requests.Transmit;
using Cooperation.Court.Transit;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Hosting;
using Cooperation.ServiceDefaults.Telemetry;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Consultations;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Webhooks;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Cooperation.ServiceDefaults.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Court;

public static class CourtServiceExtensions
{
    /// <summary>Everything an issuing organ's service needs, on its own database and broker user.</summary>
    public static IHostApplicationBuilder AddCourtOrgan<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder, CourtOrgan organ)
        where TContext : CourtDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var serviceName = organ.Organ.ToString().ToLowerInvariant();
        builder.AddServiceDefaults(serviceName);
        // Only the organ's own desk systems: scope registry or prosecutor, checked again here behind the gateway.
        builder.AddPartnerAuthentication(new ScopeRequirement(serviceName));
        builder.AddCooperationDatabase<TContext, TSqlite, TPostgres>();
        builder.Services.AddScoped<CourtDbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddOptions<RegisterOptions>().Bind(builder.Configuration.GetSection(RegisterOptions.Section));
        builder.Services.AddSingleton(organ);
        builder.Services.AddScoped(typeof(InboundSenderFilter<>));
        builder.AddValidatedOptions<EvidenceOptions, EvidenceOptionsValidator>(EvidenceOptions.Section);
        builder.Services.AddHostedService<EvidenceWatch>();
        builder.Services.AddOperationalReadings<Requests.Metrics.RequestReadings>();
        if (organ.Organ == Organ.Registry) builder.Services.AddOperationalReadings<Alerts.AlertReadings>();
        builder.AddValidatedOptions<PublicFiguresOptions, PublicFiguresOptionsValidator>(PublicFiguresOptions.Section);
        builder.AddConsultations();
        builder.AddDeadlineScheduling();
        builder.Services.AddDocumentedRefusals();
        if (organ.Organ == Organ.Registry) builder.AddTravelAlerts();
        // Webhook subscriptions of the organ's desk systems (issue 14, "Push"): events of this organ's requests only, signed.
        builder.AddWebhooks(organ.RoutePrefix);
        // Issue 12: each organ's audit head is kept by the other one, so cutting off its newest entries shows.
        builder.Services.AddAuditAnchoring(new AuditAnchorTarget(
            new Uri($"exchange:{Addresses.OrganQueue(organ.Organ == Organ.Registry ? Organ.Prosecutor : Organ.Registry)}"), serviceName));

        builder.AddCooperationMessaging(
            bus =>
            {
                bus.AddConsumer<RequestDeliveredConsumer>();
                bus.AddConsumer<RequestAcknowledgedConsumer>();
                bus.AddConsumer<RequestExecutionStartedConsumer>();
                bus.AddConsumer<RequestProgressReportedConsumer>();
                bus.AddConsumer<RequestExecutedConsumer>();
                bus.AddConsumer<RequestDeniedConsumer>();
                bus.AddConsumer<RequestPostponedConsumer>();
                bus.AddConsumer<RequestResumedConsumer>();
                bus.AddConsumer<PostponementPeriodProposedConsumer>();
                bus.AddConsumer<PostponementAgreedConsumer>();
                bus.AddConsumer<Requests.Competing.CompetingExtraditionNotifiedConsumer>();
                bus.AddConsumer<Requests.Competing.ExtraditedInsteadConsumer>();
                bus.AddConsumer<Requests.Competing.ExtraditionRefusedConsumer>();
                if (organ.Organ == Organ.Registry)
                {
                    bus.AddConsumer<NotifyChannelChangeConsumer>();
                    bus.AddConsumer<UnscheduledLandingReportedConsumer>();
                    bus.AddConsumer<UnscheduledLandingAdvancedConsumer>();
                    bus.AddConsumer<MatterObservationsSubmittedConsumer>();
                    bus.AddTravelAlertConsumers();
                }
                else bus.AddConsumer<StateRegisterEntryChangedConsumer>();
                bus.AddConsumer<ConsultationOpenedConsumer>();
                bus.AddConsumer<ConsultationMessagePostedConsumer>();
                bus.AddConsumer<ArrestPathAdvancedConsumer>();
                bus.AddConsumer<DeadlineNoticeConsumer>();
                bus.AddConsumer<Audit.AuditHeadAnchoredConsumer>();
            },
            (context, cfg) =>
            {
                // The organ's own queue (only the Court's users write it) and one queue per State in
                // the register (only that State's user feeds it): the queue names the sender.
                cfg.CourtEndpoint(context, Addresses.OrganQueue(organ.Organ), e => ConfigureConsumers(e, context, organ));
                foreach (var state in RegisterStates(builder))
                    cfg.CourtEndpoint(context, Addresses.OrganQueueFromState(organ.Organ, state), e => ConfigureConsumers(e, context, organ));
            });
        return builder;
    }

    /// <summary>
    /// Every consumer on every endpoint, behind <see cref="InboundSenderFilter{T}"/>, which decides
    /// from the queue what may come in there (so a forgery is refused with its reason rather than
    /// skipped for lack of a consumer), and <see cref="StateInputLimitsFilter{T}"/>.
    /// </summary>
    private static void ConfigureConsumers(IRabbitMqReceiveEndpointConfigurator e, IBusRegistrationContext context, CourtOrgan organ)
    {
        e.UseConsumeFilter(typeof(InboundSenderFilter<>), context);
        // Then the caps on what a State may send (issue 16 item 4): a message over them can never succeed.
        e.UseConsumeFilter(typeof(StateInputLimitsFilter<>), context);
        e.ConfigureConsumer<RequestDeliveredConsumer>(context);
        e.ConfigureConsumer<RequestAcknowledgedConsumer>(context);
        e.ConfigureConsumer<RequestExecutionStartedConsumer>(context);
        e.ConfigureConsumer<RequestProgressReportedConsumer>(context);
        e.ConfigureConsumer<RequestExecutedConsumer>(context);
        e.ConfigureConsumer<RequestDeniedConsumer>(context);
        e.ConfigureConsumer<RequestPostponedConsumer>(context);
        e.ConfigureConsumer<RequestResumedConsumer>(context);
        e.ConfigureConsumer<PostponementPeriodProposedConsumer>(context);
        e.ConfigureConsumer<PostponementAgreedConsumer>(context);
        e.ConfigureConsumer<Requests.Competing.CompetingExtraditionNotifiedConsumer>(context);
        e.ConfigureConsumer<Requests.Competing.ExtraditedInsteadConsumer>(context);
        e.ConfigureConsumer<Requests.Competing.ExtraditionRefusedConsumer>(context);
        if (organ.Organ == Organ.Registry)
        {
            e.ConfigureConsumer<NotifyChannelChangeConsumer>(context);
            e.ConfigureConsumer<UnscheduledLandingReportedConsumer>(context);
            e.ConfigureConsumer<UnscheduledLandingAdvancedConsumer>(context);
            e.ConfigureConsumer<MatterObservationsSubmittedConsumer>(context);
            e.ConfigureTravelAlertConsumers(context);
        }
        else e.ConfigureConsumer<StateRegisterEntryChangedConsumer>(context);
        e.ConfigureConsumer<ConsultationOpenedConsumer>(context);
        e.ConfigureConsumer<ConsultationMessagePostedConsumer>(context);
        e.ConfigureConsumer<ArrestPathAdvancedConsumer>(context);
        e.ConfigureConsumer<DeadlineNoticeConsumer>(context);
        e.ConfigureConsumer<Audit.AuditHeadAnchoredConsumer>(context);
    }

    /// <summary>The States of the register (Register:States, e.g. "UGA,ZAF,NLD"), each with its own inbound queue here.</summary>
    private static IEnumerable<string> RegisterStates(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{RegisterOptions.Section}:{nameof(RegisterOptions.States)}"] ?? "";
        foreach (var code in configured.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!StateCode.TryParse(code, out var parsed))
                throw new InvalidOperationException($"Register:States holds '{code}', which is not an ISO 3166-1 alpha-3 code.");
            yield return parsed.ToString();
        }
    }

    private static void MapCourtOrgan(WebApplication app)
    {
        var organ = app.Services.GetRequiredService<CourtOrgan>();
        app.MapDefaultEndpoints();
        app.MapDraftRequest(organ);
        app.MapTransmitRequest(organ);
        app.MapRequestQueries(organ);
        app.MapWithdrawRequest(organ);
        app.MapConfirmRequest(organ);
        app.MapReclassifyRequest(organ);
        app.MapPostponementPeriod(organ);
        Requests.Competing.CompetingExtraditionEndpoints.MapCompetingExtradition(app, organ);
        Requests.Admissibility.AdmissibilityEndpoints.MapAdmissibility(app, organ);
        Requests.Channels.OrganisationTransmissionEndpoint.MapOrganisationTransmission(app, organ);
        // Art 99(4): direct execution is the Prosecutor's.
        if (organ.Organ == Organ.Prosecutor) Requests.DirectExecution.DirectExecutionEndpoint.MapDirectExecution(app, organ);
        app.MapRegisterQueries(organ);
        if (organ.Organ == Organ.Registry)
        {
            app.MapAcceptProposedDate();
            app.MapCooperationFigures();
            // Transit is the Chambers' (RPE 176(2)): the States report unscheduled landings to the Registry.
            app.MapUnscheduledLandings(organ);
            // Art 87(7): the non-compliance track and the cooperation records (issue 9 §2, §4).
            app.MapNonComplianceMatters();
            app.MapCooperationRecords();
            // Travel alerts (issue 9 §1): the Chambers' warrants, so the Registry's.
            app.MapTravelAlerts(organ);
        }
        app.MapConsultations(organ);
        app.MapModifyRequest(organ);
        app.MapCourtDeadlines(organ);
        Audit.AuditAnchorEndpoints.MapAuditAnchors(app);
        app.MapWebhookSubscriptions($"{organ.RoutePrefix}/webhooks", organ.Organ.ToString(), WebhookEvents.AtIssuingOrgan, _ => true);
    }

    /// <summary>Build, map, migrate, seed the register, serve.</summary>
    public static Task<int> RunCourtOrganAsync<TContext>(this WebApplicationBuilder builder) where TContext : CourtDbContext =>
        builder.RunServiceAsync<TContext>(MapCourtOrgan, services => services.SeedRegisterAsync());
}
