using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Prosecutor.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "arrest_paths",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Provisional = table.Column<bool>(type: "boolean", nullable: false),
                    DocumentsReceived = table.Column<bool>(type: "boolean", nullable: false),
                    ArrestDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentsDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BroughtBeforeJudicialAuthorityOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InterimReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SurrenderOrderedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SurrenderDeferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeferredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    TemporarilySurrenderedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TemporarySurrenderConditions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SurrenderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SurrenderedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastEvent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_arrest_paths", x => x.RequestId);
                });

            migrationBuilder.CreateTable(
                name: "audit_anchors",
                columns: table => new
                {
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegressedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegressedToSequence = table.Column<long>(type: "bigint", nullable: true),
                    RegressedFromSequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_anchors", x => x.Service);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "channel_designations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Languages = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedEffectiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DateAgreedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SurrenderDocumentRequirements = table.Column<string>(type: "text", nullable: false),
                    AssistanceInformationRequirements = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_designations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestVersion = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IssuingOrgan = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProblemRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MeasuredFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GroundsJson = table.Column<string>(type: "text", nullable: false),
                    OtherGroundText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ProposalsJson = table.Column<string>(type: "text", nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MessageCount = table.Column<int>(type: "integer", nullable: false),
                    FirstCourtAnswerAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusBeforeConsultation = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PostponementGround = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PostponedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusBeforePostponement = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    NewVersion = table.Column<int>(type: "integer", nullable: true),
                    ChangedElementsJson = table.Column<string>(type: "text", nullable: false),
                    TimeToOpenBreached = table.Column<bool>(type: "boolean", nullable: false),
                    TimeToAnswerBreached = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadline_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: true),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reminder = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestVersion = table.Column<int>(type: "integer", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: true),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Owner = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecipientsJson = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    RemindersJson = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    NextFireAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Route = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Location = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.Caller, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "noncompliance_matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestReference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestVersion = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Situation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SituationReferredBySecurityCouncil = table.Column<bool>(type: "boolean", nullable: false),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ObservationsDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ObservationsSubmitted = table.Column<bool>(type: "boolean", nullable: false),
                    ReferredToAssembly = table.Column<bool>(type: "boolean", nullable: false),
                    ReferredToSecurityCouncil = table.Column<bool>(type: "boolean", nullable: false),
                    StepsJson = table.Column<string>(type: "text", nullable: false),
                    Observations = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ObservationsSubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssemblyNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_noncompliance_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Destination = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MessageType = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TraceState = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    Series = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => x.Series);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IssuingOrgan = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReadersJson = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TranslationLanguage = table.Column<string>(type: "text", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    ContentsJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeliveryWarningAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveryOverdueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgementWarningAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgementOverdueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LifecycleJson = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ReportCount = table.Column<int>(type: "integer", nullable: false),
                    LatestReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    LatestReportAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LatestReportWhat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "state_parties",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_state_parties", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "travel_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    WarrantKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReadersJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StateCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travel_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_landings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LandedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DetentionEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PersonDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WarrantReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TransitRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastEvent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_landings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    EventNames = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Secret = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PreviousSecret = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PreviousSecretValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrgan = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Classification = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AttachmentsJson = table.Column<string>(type: "text", nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_messages_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TraceId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_history_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "state_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    What = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemsJson = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DenialGround = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReasonsWithheld = table.Column<bool>(type: "boolean", nullable: false),
                    PostponementGround = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_state_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_state_reports_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "travel_alert_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    KnownDetails = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestReference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestSentWithAlert = table.Column<bool>(type: "boolean", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Signal = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travel_alert_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_travel_alert_entries_travel_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "travel_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Event = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityType_EntityId",
                table: "audit_log",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_MessageId",
                table: "audit_log",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_channel_designations_StateCode",
                table: "channel_designations",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_messages_ConsultationId",
                table: "consultation_messages",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_RequestId",
                table: "consultations",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_StateCode_IssuingOrgan",
                table: "consultations",
                columns: new[] { "StateCode", "IssuingOrgan" });

            migrationBuilder.CreateIndex(
                name: "IX_deadline_notices_RequestId",
                table: "deadline_notices",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ConsultationId",
                table: "deadlines",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_FiredAt_CancelledAt_NextFireAt",
                table: "deadlines",
                columns: new[] { "FiredAt", "CancelledAt", "NextFireAt" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_RequestId",
                table: "deadlines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_ExpiresAt",
                table: "idempotency_keys",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_noncompliance_matters_OpenedAt",
                table: "noncompliance_matters",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_noncompliance_matters_RequestId",
                table: "noncompliance_matters",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_noncompliance_matters_StateCode_Step",
                table: "noncompliance_matters",
                columns: new[] { "StateCode", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Destination_SentAt_CreatedAt",
                table: "outbox_messages",
                columns: new[] { "Destination", "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt_CreatedAt",
                table: "outbox_messages",
                columns: new[] { "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_request_history_RequestId",
                table: "request_history",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_Reference",
                table: "requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_StateCode_Status",
                table: "requests",
                columns: new[] { "StateCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_state_reports_RequestId_Sequence",
                table: "state_reports",
                columns: new[] { "RequestId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_travel_alert_entries_AlertId_StateCode",
                table: "travel_alert_entries",
                columns: new[] { "AlertId", "StateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_travel_alert_entries_DeadlineId",
                table: "travel_alert_entries",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_travel_alert_entries_RequestId_StateCode",
                table: "travel_alert_entries",
                columns: new[] { "RequestId", "StateCode" });

            migrationBuilder.CreateIndex(
                name: "IX_travel_alerts_CreatedAt",
                table: "travel_alerts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_travel_alerts_Reference",
                table: "travel_alerts",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_landings_ReportedAt",
                table: "unscheduled_landings",
                column: "ReportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_DeliveredAt_DeadAt",
                table: "webhook_deliveries",
                columns: new[] { "DeliveredAt", "DeadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_SubscriptionId_Sequence",
                table: "webhook_deliveries",
                columns: new[] { "SubscriptionId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "arrest_paths");

            migrationBuilder.DropTable(
                name: "audit_anchors");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "channel_designations");

            migrationBuilder.DropTable(
                name: "consultation_messages");

            migrationBuilder.DropTable(
                name: "deadline_notices");

            migrationBuilder.DropTable(
                name: "deadlines");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "noncompliance_matters");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "request_history");

            migrationBuilder.DropTable(
                name: "state_parties");

            migrationBuilder.DropTable(
                name: "state_reports");

            migrationBuilder.DropTable(
                name: "travel_alert_entries");

            migrationBuilder.DropTable(
                name: "unscheduled_landings");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "requests");

            migrationBuilder.DropTable(
                name: "travel_alerts");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");
        }
    }
}
