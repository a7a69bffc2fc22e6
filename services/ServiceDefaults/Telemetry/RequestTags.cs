using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// The opaque ids a span carries about what it works on (issue 17), so the trace viewer lists every trace
/// of one request's life: HTTP, consumer, outbox-dispatch and scheduler spans alike. Ids, a version number
/// and a kind only — never a name, a reference or any content (confidentiality, design.md); the ids are
/// random GUIDs that say nothing without the service's database.
/// </summary>
public static class RequestTags
{
    public const string RequestId = "cooperation.request.id";
    public const string RequestVersion = "cooperation.request.version";
    public const string RequestKind = "cooperation.request.kind";
    public const string ConsultationId = "cooperation.consultation.id";
    public const string MatterId = "cooperation.matter.id";
    public const string AlertId = "cooperation.alert.id";
    /// <summary>The domain step a span performs ("transmit request", "consultation opened"), our own words.</summary>
    public const string Step = "cooperation.step";

    /// <summary>Message property → tag. Found by name, so ServiceDefaults needs no reference to the contracts.</summary>
    private static readonly (string Property, string Tag)[] Properties =
    [
        ("RequestId", RequestId), ("RequestVersion", RequestVersion), ("Kind", RequestKind),
        ("ConsultationId", ConsultationId), ("MatterId", MatterId), ("AlertId", AlertId),
    ];

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Tag)[]> Readers = new();

    /// <summary>Tags the span with the ids the message carries (Guid ids, the int version, a RequestKind enum).</summary>
    public static void FromMessage(Activity? activity, object message)
    {
        if (activity is null) return;
        foreach (var (property, tag) in Readers.GetOrAdd(message.GetType(), Find))
        {
            var value = property.GetValue(message);
            switch (value)
            {
                case Guid id when id != Guid.Empty: activity.SetTag(tag, id.ToString()); break;
                case int version: activity.SetTag(tag, version); break;
                case Enum kind: activity.SetTag(tag, kind.ToString()); break;
            }
        }
    }

    private static (PropertyInfo, string)[] Find(Type type)
    {
        var found = new List<(PropertyInfo, string)>();
        foreach (var (name, tag) in Properties)
        {
            if (type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is not { } p) continue;
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            // "Kind" only when it is the request's kind (deadline notices have a DeadlineKind, which is not).
            if (t == typeof(Guid) || (t == typeof(int) && name == "RequestVersion") || (t.IsEnum && t.Name == "RequestKind"))
                found.Add((p, tag));
        }
        return [.. found];
    }

    /// <summary>The route segment before a parameter names what its value is: requests/{id} → the request's id.</summary>
    public static string? ForRouteSegment(string segment) => segment switch
    {
        "requests" => RequestId,
        "consultations" => ConsultationId,
        "matters" => MatterId,
        "alerts" => AlertId,
        _ => null,
    };
}
