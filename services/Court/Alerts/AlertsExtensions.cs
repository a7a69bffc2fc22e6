using Cooperation.Court.Alerts.Assembly;
using Cooperation.Court.Alerts.Issue;
using Cooperation.Court.Alerts.Queries;
using Cooperation.Court.Alerts.Receive;
using Cooperation.ServiceDefaults.Configuration;
using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Court.Alerts;

/// <summary>Travel alerts (issue 9 §1): the Registry's only (the Chambers' warrants, RPE 176(2)).</summary>
public static class AlertsExtensions
{
    public static void AddTravelAlerts(this IHostApplicationBuilder builder) =>
        builder.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(AlertOptions.Section);

    public static void AddTravelAlertConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TravelAlertDeliveredConsumer>();
        bus.AddConsumer<TravelAlertAcknowledgedConsumer>();
        bus.AddConsumer<TravelAlertConsultationOpenedConsumer>();
        bus.AddConsumer<TravelVisitReportedConsumer>();
        bus.AddConsumer<AlertDeadlineConsumer>();
        bus.AddConsumer<AlertArrestConsumer>();
    }

    public static void ConfigureTravelAlertConsumers(this IReceiveEndpointConfigurator e, IBusRegistrationContext context)
    {
        e.ConfigureConsumer<TravelAlertDeliveredConsumer>(context);
        e.ConfigureConsumer<TravelAlertAcknowledgedConsumer>(context);
        e.ConfigureConsumer<TravelAlertConsultationOpenedConsumer>(context);
        e.ConfigureConsumer<TravelVisitReportedConsumer>(context);
        e.ConfigureConsumer<AlertDeadlineConsumer>(context);
        e.ConfigureConsumer<AlertArrestConsumer>(context);
    }

    public static void MapTravelAlerts(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapIssueAlert(organ);
        routes.MapAlertQueries(organ);
        routes.MapNotifyAssembly(organ);
    }
}
