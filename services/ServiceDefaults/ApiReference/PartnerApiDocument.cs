using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Cooperation.ServiceDefaults.ApiReference;

/// <summary>
/// The service's OpenAPI document as a partner who has never seen the code needs it (issue 14): titled by
/// the organ, the OAuth2 client-credentials scheme with the gateway's token URL, on every operation the
/// scope it needs and every status it may answer with the ProblemDetails schema and the stable
/// <c>type</c> values, request examples, and what the formats mean (ISO 8601 UTC, GUID ids, State codes).
/// </summary>
public static class PartnerApiDocument
{
    public const string SchemeName = "oauth2";
    public const string ProblemSchema = "ProblemDetails";
    private const string ProblemMediaType = "application/problem+json";

    public static IServiceCollection AddPartnerApiDocument(this IServiceCollection services, string serviceName) =>
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = new SchemaNames(o.CreateSchemaReferenceId).NameOf;
            o.AddSchemaTransformer((schema, context, _) => { DescribeFormats(schema, context); return Task.CompletedTask; });
            o.AddOperationTransformer(DescribeOperationAsync);
            o.AddDocumentTransformer((document, context, _) => { DescribeDocument(document, context, serviceName); return Task.CompletedTask; });
        });

    /// <summary>The organ's name, as partners know it (the assembly name means nothing to them).</summary>
    public static string TitleOf(string serviceName) => serviceName switch
    {
        "registry" => "Registry of the International Criminal Court — cooperation API",
        "prosecutor" => "Office of the Prosecutor — cooperation API",
        "assembly" => "Assembly of States Parties (Secretariat) — non-cooperation API",
        _ when serviceName.StartsWith("state-", StringComparison.Ordinal) =>
            $"State Party node ({serviceName["state-".Length..].ToUpperInvariant()}) — central authority API",
        _ => serviceName,
    };

    private static void DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, string serviceName)
    {
        // Read through the gateway (/docs/{service}/openapi.json): no server, so paths resolve against the
        // gateway and the service's own address is not published.
        document.Servers?.Clear();
        // Relative, like the paths: the document names no host (neither the gateway's nor a backend's).
        var tokenUrl = new Uri("/connect/token", UriKind.Relative);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = TitleOf(serviceName);
        document.Info.Description =
            $"Call through the gateway only. Obtain an access token with OAuth2 client credentials at `{tokenUrl}` on the gateway " +
            "(`grant_type=client_credentials`, your `client_id` and `client_secret`, optionally `scope`) and send it as " +
            "`Authorization: Bearer <token>`. JSON, camelCase, enums as strings; times are ISO 8601 in UTC " +
            "(`2026-12-01T09:30:00Z`), dates `yyyy-MM-dd`; ids are opaque GUIDs; States are ISO 3166-1 alpha-3 codes " +
            "(`UGA`). Every POST honours `Idempotency-Key`. Errors are ProblemDetails (RFC 9457) with a stable `type`: " +
            "branch on it, never on the title or detail.\n\nDomain refusal types (409, or 422 where the law needs more): " +
            string.Join(", ", (context.ApplicationServices.GetService<DocumentedRefusals>()?.Codes ?? []).Select(c => $"`{ProblemTypes.Lifecycle(c)}`")) + ".";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth2 client credentials at the gateway: one client per partner system, short-lived tokens.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = tokenUrl,
                    Scopes = ScopesIn(document).ToDictionary(s => s, ScopeDescription),
                },
            },
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema();
    }

    private static IEnumerable<string> ScopesIn(OpenApiDocument document) =>
        (document.Paths ?? new OpenApiPaths()).Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Security ?? [])
            .SelectMany(r => r.Values.SelectMany(v => v))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static string ScopeDescription(string scope) => scope switch
    {
        Scopes.Registry => "The Registry's desk systems",
        Scopes.Prosecutor => "The Office of the Prosecutor's desk systems",
        Scopes.Assembly => "The Assembly's Presidency and Bureau (its Secretariat)",
        Scopes.FocalPoint => "A regional focal point on non-cooperation",
        Scopes.Operator => "Platform operators",
        Scopes.Public => "Public readers of aggregate figures",
        _ when scope.StartsWith(Scopes.StatePrefix, StringComparison.Ordinal) => $"The central authority of {scope[Scopes.StatePrefix.Length..]} (its own systems only)",
        _ => scope,
    };

    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `type` is stable per error kind; `errors` (400, 422) names every invalid field, never its value.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Stable error kind, e.g. " + ProblemTypes.Validation },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it to the operators; paste it in the trace viewer." },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The domain refusal code, where `type` is one" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "Field name → what is wrong with it",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        Required = new HashSet<string> { "type", "title", "status" },
    };

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod?.ToUpperInvariant() ?? "GET";
        var hasBody = description.ParameterDescriptions.Any(p => p.Source?.Id == "Body") || operation.RequestBody is not null;
        var hasPathId = description.RelativePath?.Contains('{') == true;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();

        // Who may call it: the scopes of the policy that applies (the endpoint's own, else the service's rule).
        if (!anonymous)
        {
            var alternatives = await ScopesForAsync(metadata, context.ApplicationServices);
            operation.Security = alternatives
                .Select(all => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = all.ToList() })
                .ToList();
            var text = string.Join(" or ", alternatives.Select(a => string.Join(" and ", a.Select(s => $"`{s}`"))));
            operation.Description = $"{operation.Description}\n\nScope: {text}.".TrimStart();
        }

        operation.Responses ??= new OpenApiResponses();
        if (!operation.Responses.Keys.Any(k => k.StartsWith('2')))
            operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
        Problem(operation, context, "400", "Malformed input: a body that is not JSON, of the wrong shape or charset, or an invalid field or query value (each named in `errors`).",
            ProblemTypes.MalformedBody, ProblemTypes.Validation);
        if (!anonymous)
        {
            Problem(operation, context, "401", "No valid access token (missing, expired, forged or for another audience).", ProblemTypes.Unauthorized);
            Problem(operation, context, "403", "The token does not grant the scope this operation needs.", ProblemTypes.Forbidden);
        }
        if (hasPathId)
            Problem(operation, context, "404", "Unknown, or not yours: another State's item answers the same as one that does not exist.", ProblemTypes.NotFound);
        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            Problem(operation, context, "409", "The current state does not allow this step (nothing was changed), or the same Idempotency-Key is still being processed. " +
                    "`type` is a domain refusal (listed in the document's description) or one of these.",
                ProblemTypes.IllegalTransition, ProblemTypes.Conflict, ProblemTypes.IdempotencyKeyInFlight);
            Problem(operation, context, "422", "Well formed but refused: the law needs more (every missing element named), a field over its limit, or an Idempotency-Key reused with another body.",
                ProblemTypes.IncompleteRequest, ProblemTypes.LimitExceeded, ProblemTypes.Validation, ProblemTypes.IdempotencyKeyReused);
            if (hasBody)
            {
                Problem(operation, context, "413", "The body is larger than accepted (1 MiB).", ProblemTypes.PayloadTooLarge);
                Problem(operation, context, "415", "Not `application/json` in UTF-8.", ProblemTypes.UnsupportedMediaType);
            }
        }
        Problem(operation, context, "429", "Too many requests from this client; see `Retry-After`.", ProblemTypes.RateLimited);
        Problem(operation, context, "503", "The service behind the gateway is unavailable or did not answer in time; retry (POSTs with the same Idempotency-Key).",
            ProblemTypes.Unavailable, ProblemTypes.BadGateway, ProblemTypes.Timeout);

        if (metadata.OfType<RequestExamples>().LastOrDefault() is { } examples
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Examples = examples.Examples.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = e.Value.DeepClone() });
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter p) continue;
            if (p.Name == "code" && p.Schema is OpenApiSchema s)
            {
                s.Pattern = "^[A-Za-z]{3}$";
                p.Description ??= "ISO 3166-1 alpha-3 code of the State (e.g. UGA); your token must carry its scope state:CODE.";
            }
            if (p.Name == "Idempotency-Key") p.Description ??= "Repeat a POST safely: the same key and body answer the same, without doing it twice.";
        }
    }

    private static void Problem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description, params string[] types)
    {
        var text = description + " `type`: " + string.Join(", ", types.Select(t => $"`{t}`")) + ".";
        if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse known)
        {
            known.Description = string.IsNullOrEmpty(known.Description) || known.Description is "Bad Request" or "Unprocessable Entity" ? text : known.Description + " " + text;
            known.Content ??= new Dictionary<string, OpenApiMediaType>();
            known.Content.Remove("application/json");
            known.Content[ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) };
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
        };
    }

    /// <summary>Alternatives (any one suffices), each a set of scopes all needed; from the requirements the service itself checks.</summary>
    private static async Task<IReadOnlyList<IReadOnlyList<string>>> ScopesForAsync(IList<object> metadata, IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
                     ?? await provider.GetFallbackPolicyAsync()
                     ?? throw new InvalidOperationException("No authorization policy applies: the document would not say who may call.");
        List<IReadOnlyList<string>> alternatives = [[]];
        foreach (var requirement in policy.Requirements)
        {
            string[] any = requirement switch
            {
                ScopeRequirement s => [s.Scope],
                AnyScopeRequirement a => a.Scopes,
                StateScopeRequirement st => [Scopes.State(st.Code ?? "{code}")],
                _ => [],
            };
            if (any.Length == 0) continue;
            alternatives = alternatives.SelectMany(prefix => any.Select(s => (IReadOnlyList<string>)[.. prefix, s])).ToList();
        }
        if (alternatives is [{ Count: 0 }])
            throw new InvalidOperationException($"The policy of an endpoint names no scope ({string.Join(", ", policy.Requirements.Select(r => r.GetType().Name))}): use ScopeRequirement or AnyScopeRequirement so the document can say which.");
        return alternatives;
    }

    private static void DescribeFormats(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            schema.Description ??= "ISO 8601 date and time in UTC, e.g. 2026-12-01T09:30:00Z.";
        else if (type == typeof(DateOnly))
            schema.Description ??= "ISO 8601 date (yyyy-MM-dd), e.g. 2026-12-01.";
        else if (type == typeof(Guid))
            schema.Description ??= "Opaque id (GUID).";
        else if (type.IsEnum)
        {
            schema.Description ??= "One of: " + string.Join(", ", Enum.GetNames(type)) + " (a string).";
            // The services write enums as strings (one JsonStringEnumConverter for all), but the generated schema names
            // only the values: a client generator then sends and reads numbers (NSwag did, issue 14). Say it is a string.
            if (schema.Enum is { Count: > 0 } && schema.Type is null) schema.Type = JsonSchemaType.String;
        }
        else if (type == typeof(TimeSpan))
            schema.Description ??= "A duration, d.hh:mm:ss.";

        if (context.JsonPropertyInfo is { Name: "stateCode" or "requestingState" } && type == typeof(string))
        {
            schema.Pattern ??= "^[A-Z]{3}$";
            schema.Description ??= "ISO 3166-1 alpha-3 code of a State Party, e.g. UGA.";
        }
    }
}

/// <summary>
/// A schema is named by its type's short name, so two types of one name in one document would share one schema: the
/// generator keeps one shape for both and a generated client reads one as the other (issue 14). The known pairs get a
/// name of their own here; any other pair fails the document, like an endpoint naming no scope.
/// </summary>
internal sealed class SchemaNames(Func<JsonTypeInfo, string?> byDefault)
{
    /// <summary>
    /// By full type name (the plumbing references no service). The Assembly's document references (reference, title,
    /// date) beside a request's (reference, title, hash, ...), in the Assembly's and a State's documents; a State's
    /// own register entries beside the Registry's register entries (a partner reading both meets both names).
    /// </summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        [typeof(Cooperation.Contracts.Assembly.DocumentReference).FullName!] = "AssemblyDocumentReference",
        ["Cooperation.State.Register.RegisterEntryView"] = "StateRegisterEntryView",
    };

    private readonly ConcurrentDictionary<string, Type> claimed = new(StringComparer.Ordinal);

    public string? NameOf(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var name = Renamed.TryGetValue(type.FullName ?? "", out var renamed) ? renamed : byDefault(info);
        if (name is null || !(info.Kind == JsonTypeInfoKind.Object || type.IsEnum)) return name;
        var owner = claimed.GetOrAdd(name, type);
        return owner == type
            ? name
            : throw new InvalidOperationException(
                $"Two types would share the schema name {name} ({owner.FullName}, {type.FullName}): give one its own name in {nameof(SchemaNames)}.");
    }
}

/// <summary>
/// The domain's stable refusal codes (ProblemDetails type = base + code), listed in each document. Registered by the
/// services (Proceedings' <c>AddDocumentedRefusals</c>): the plumbing knows no rule of the law, not even its codes.
/// </summary>
public sealed record DocumentedRefusals(IReadOnlyList<string> Codes);

/// <summary>Examples of a request body, shown in the API reference (one per kind, say).</summary>
public sealed record RequestExamples(IReadOnlyList<RequestExample> Examples);

public sealed record RequestExample(string Name, string Summary, JsonNode Value);

public static class RequestExamplesExtensions
{
    public static TBuilder WithRequestExamples<TBuilder>(this TBuilder builder, params RequestExample[] examples)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExamples(examples));
}
