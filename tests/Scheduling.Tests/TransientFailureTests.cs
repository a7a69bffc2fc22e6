using Cooperation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Scheduling.Tests;

/// <summary>
/// What the consumers' long retry (and start-up's wait for the database) treats as the database being away rather than
/// the message being wrong: PostgreSQL's shutdown, crash-recovery and connection states, wherever they sit in the chain.
/// A statement's own failure (a unique or missing table) is not: it goes on to the error queue with its reason.
/// </summary>
public sealed class TransientFailureTests
{
    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: an immediate stop terminates every session
    [InlineData("57P02", true)] // crash_shutdown
    [InlineData("57P03", true)] // cannot_connect_now: starting up, in crash recovery
    [InlineData("08006", true)] // connection_failure
    [InlineData("53300", true)] // too_many_connections
    [InlineData("40P01", true)] // deadlock_detected
    [InlineData("23505", false)] // unique_violation
    [InlineData("42P01", false)] // undefined_table
    public void A_server_state_is_transient_a_statements_failure_is_not(string sqlState, bool transient)
    {
        var server = new Npgsql.PostgresException("a server message", "FATAL", "FATAL", sqlState);
        Assert.Equal(transient, MessagingExtensions.IsTransientInfrastructureFailure(server));
        // As EF Core throws it from SaveChanges: wrapped.
        Assert.Equal(transient, MessagingExtensions.IsTransientInfrastructureFailure(new DbUpdateException("saving failed", server)));
    }

    [Fact]
    public void A_timeout_or_a_broken_socket_is_transient_an_invalid_operation_is_not()
    {
        Assert.True(MessagingExtensions.IsTransientInfrastructureFailure(new Npgsql.NpgsqlException("timed out", new TimeoutException())));
        Assert.True(MessagingExtensions.IsTransientInfrastructureFailure(
            new Npgsql.NpgsqlException("reading", new System.IO.EndOfStreamException())));
        Assert.False(MessagingExtensions.IsTransientInfrastructureFailure(new InvalidOperationException("no such request")));
    }
}
