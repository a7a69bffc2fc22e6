using Cooperation.Proceedings.Arrest;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Persistence;

/// <summary>
/// What both ends of a request keep in their own database: the consultation threads, the arrest path
/// and the durable deadlines (with the notices of deadlines the other side owns). The Court's and the
/// State's contexts derive from it; the outbox, inbox, audit and idempotency tables come from the base.
/// </summary>
public abstract class ProceedingsDbContext(DbContextOptions options) : CooperationDbContext(options)
{
    public DbSet<ConsultationRecord> Consultations => Set<ConsultationRecord>();
    public DbSet<ArrestPathRecord> ArrestPaths => Set<ArrestPathRecord>();
    public DbSet<ScheduledDeadline> Deadlines => Set<ScheduledDeadline>();
    public DbSet<DeadlineNotice> DeadlineNotices => Set<DeadlineNotice>();
    /// <summary>Partners' webhook subscriptions and their queued events (issue 14): the node's own, like everything here.</summary>
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureConsultations();
        ArrestPathRecord.Configure(modelBuilder);
        modelBuilder.ConfigureScheduling();
        Webhooks.WebhookDelivery.Configure(modelBuilder);
    }
}
