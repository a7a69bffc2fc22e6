using Cooperation.Proceedings.ApiReference;
using Cooperation.ServiceDefaults.Audit;
using Cooperation.Assembly.Cases;
using Cooperation.Assembly.Cases.Notified;
using Cooperation.Assembly.Configuration;
using Cooperation.Assembly.FormalResponse;
using Cooperation.Assembly.Inbound;
using Cooperation.Assembly.InformalResponse;
using Cooperation.Assembly.Persistence;
using Cooperation.Assembly.StateViews;
using Cooperation.Contracts;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Hosting;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using MassTransit;

// The Assembly of States Parties' service, run by its Secretariat for the President and the Bureau (Art 112(2)(f)).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("assembly");
// The Presidency/Bureau (scope assembly) and the regional focal points (scope focal-point), checked again behind the gateway.
builder.AddPartnerAuthentication(new AnyScopeRequirement(Scopes.Assembly, Scopes.FocalPoint));
builder.Services.AddAuthorization(o =>
    o.AddPolicy(AssemblyPolicies.Presidency, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(Scopes.Assembly))));
builder.Services.AddOptions<AssemblyOptions>().Bind(builder.Configuration.GetSection(AssemblyOptions.Section));
builder.AddCooperationDatabase<AssemblyDbContext, AssemblySqliteDbContext, AssemblyPostgresDbContext>();
builder.AddDeadlineScheduling();
builder.Services.AddDocumentedRefusals();
// Issue 12: the Assembly's audit head is kept at the Registry.
builder.Services.AddAuditAnchoring(new AuditAnchorTarget(new Uri($"exchange:{Addresses.AuditAnchorExchange}"), "assembly"));
builder.Services.AddScoped(typeof(AssemblySenderFilter<>));

var states = AssemblyOptions.Parse(builder.Configuration[$"{AssemblyOptions.Section}:{nameof(AssemblyOptions.States)}"]);
builder.AddCooperationMessaging(
    bus =>
    {
        bus.AddConsumer<NonCooperationNotifiedConsumer>();
        bus.AddConsumer<StateViewsSubmittedConsumer>();
    },
    (context, cfg) =>
    {
        // The assembly broker user reads only its own queues and writes only the States' exchanges and its own error
        // queues (infra/lib/broker.sh): declare no bindings, publish no faults, use no per-process queue.
        cfg.OverrideDefaultBusEndpointQueueName("amq.rabbitmq.reply-to");
        void Endpoint(string queue) => cfg.ReceiveEndpoint(queue, e =>
        {
            e.ConfigureConsumeTopology = false;
            e.BindQueue = false;
            e.PublishFaults = false;
            e.UseCooperationRetry();
            e.UseConsumeFilter(typeof(AssemblySenderFilter<>), context);
            e.ConfigureConsumer<NonCooperationNotifiedConsumer>(context);
            e.ConfigureConsumer<StateViewsSubmittedConsumer>(context);
        });
        // Its own queue (only the Court's users write it) and one queue per State (only that State's user feeds it).
        Endpoint(Addresses.AssemblyQueue);
        foreach (var state in states) Endpoint(Addresses.OrganQueueFromState(Organ.Assembly, state));
    });

return await builder.RunServiceAsync<AssemblyDbContext>(app =>
{
    app.MapDefaultEndpoints();
    app.MapCases();
    app.MapFormalResponse();
    app.MapInformalResponse();
});
