using Cooperation.Contracts;
using Cooperation.Court.Consultations;
using Cooperation.Court.Consultations.Modify;
using Cooperation.Court.Consultations.Receive;
using Cooperation.Court.Deadlines;
using Cooperation.Court.Persistence;
using Cooperation.Court.Public;
using Cooperation.Court.Register;
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
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Consultations;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Proceedings.Deadlines;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
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
        builder.AddValidatedOptions<EvidenceOptions, EvidenceOptionsValidator>(EvidenceOptions.Section);
        builder.Services.AddHostedService<EvidenceWatch>();
        builder.AddConsultations();
        builder.AddDeadlineScheduling();

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
                if (organ.Organ == Organ.Registry)
                {
                    bus.AddConsumer<NotifyChannelChangeConsumer>();
                    bus.AddConsumer<UnscheduledLandingReportedConsumer>();
                    bus.AddConsumer<UnscheduledLandingAdvancedConsumer>();
                }
                else bus.AddConsumer<StateRegisterEntryChangedConsumer>();
                bus.AddConsumer<ConsultationOpenedConsumer>();
                bus.AddConsumer<ConsultationMessagePostedConsumer>();
                bus.AddConsumer<ArrestPathAdvancedConsumer>();
                bus.AddConsumer<DeadlineNoticeConsumer>();
            },
            (context, cfg) => cfg.CourtEndpoint(context, Addresses.OrganQueue(organ.Organ), e =>
            {
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
                if (organ.Organ == Organ.Registry)
                {
                    e.ConfigureConsumer<NotifyChannelChangeConsumer>(context);
                    e.ConfigureConsumer<UnscheduledLandingReportedConsumer>(context);
                    e.ConfigureConsumer<UnscheduledLandingAdvancedConsumer>(context);
                }
                else e.ConfigureConsumer<StateRegisterEntryChangedConsumer>(context);
                e.ConfigureConsumer<ConsultationOpenedConsumer>(context);
                e.ConfigureConsumer<ConsultationMessagePostedConsumer>(context);
                e.ConfigureConsumer<ArrestPathAdvancedConsumer>(context);
                e.ConfigureConsumer<DeadlineNoticeConsumer>(context);
            }));
        return builder;
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
        app.MapRegisterQueries(organ);
        if (organ.Organ == Organ.Registry)
        {
            app.MapCooperationFigures();
            // Transit is the Chambers' (RPE 176(2)): the States report unscheduled landings to the Registry.
            app.MapUnscheduledLandings(organ);
        }
        app.MapConsultations(organ);
        app.MapModifyRequest(organ);
        app.MapCourtDeadlines(organ);
    }

    /// <summary>Build, map, migrate, seed the register, serve.</summary>
    public static Task<int> RunCourtOrganAsync<TContext>(this WebApplicationBuilder builder) where TContext : CourtDbContext =>
        builder.RunServiceAsync<TContext>(MapCourtOrgan, services => services.SeedRegisterAsync());
}
