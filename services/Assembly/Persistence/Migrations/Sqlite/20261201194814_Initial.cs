using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Assembly.Persistence.Migrations.Sqlite
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
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    DocumentsReceived = table.Column<bool>(type: "INTEGER", nullable: false),
                    ArrestDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentsDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BroughtBeforeJudicialAuthorityOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InterimReleasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SurrenderOrderedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SurrenderDeferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeferredUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TemporarilySurrenderedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TemporarySurrenderConditions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SurrenderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SurrenderedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastEvent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_arrest_paths", x => x.RequestId);
                });

            migrationBuilder.CreateTable(
                name: "assembly_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CourtStepsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ExpectedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstNotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastNotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ViewsReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ViewsDeadlineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assembly_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IssuingOrgan = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MeasuredFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    GroundsJson = table.Column<string>(type: "TEXT", nullable: false),
                    OtherGroundText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ProposalsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstCourtAnswerAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusBeforeConsultation = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PostponementGround = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PostponedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusBeforePostponement = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    NewVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedElementsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TimeToOpenBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimeToAnswerBreached = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadline_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reminder = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecipientsJson = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    RemindersJson = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    NextFireAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Caller = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.Caller, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    TraceState = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    EventNames = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PreviousSecret = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PreviousSecretValidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assembly_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FocalPoint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assembly_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assembly_assignments_assembly_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "assembly_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assembly_formal_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ViewsDueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assembly_formal_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assembly_formal_steps_assembly_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "assembly_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assembly_informal_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Interlocutor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DocumentReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LoggedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assembly_informal_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assembly_informal_actions_assembly_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "assembly_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assembly_state_views",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Views = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentsJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assembly_state_views", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assembly_state_views_assembly_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "assembly_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorOrgan = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AttachmentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                name: "IX_assembly_assignments_CaseId_FocalPoint",
                table: "assembly_assignments",
                columns: new[] { "CaseId", "FocalPoint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assembly_cases_StateCode",
                table: "assembly_cases",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_assembly_formal_steps_CaseId_Step",
                table: "assembly_formal_steps",
                columns: new[] { "CaseId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assembly_informal_actions_CaseId",
                table: "assembly_informal_actions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_assembly_state_views_CaseId",
                table: "assembly_state_views",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityType_EntityId",
                table: "audit_log",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_MessageId",
                table: "audit_log",
                column: "MessageId");

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
                name: "IX_outbox_messages_Destination_SentAt_CreatedAt",
                table: "outbox_messages",
                columns: new[] { "Destination", "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt_CreatedAt",
                table: "outbox_messages",
                columns: new[] { "SentAt", "CreatedAt" });

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
                name: "assembly_assignments");

            migrationBuilder.DropTable(
                name: "assembly_formal_steps");

            migrationBuilder.DropTable(
                name: "assembly_informal_actions");

            migrationBuilder.DropTable(
                name: "assembly_state_views");

            migrationBuilder.DropTable(
                name: "audit_log");

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
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "assembly_cases");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");
        }
    }
}
