using System.Text.Json;

namespace Cooperation.ServiceDefaults.Messaging;

internal static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = Persistence.StoredJson.Options;

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Type.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{name}' is not known to this service.");
}
