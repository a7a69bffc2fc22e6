using System.Reflection;
using Cooperation.ServiceDefaults.ApiReference;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Proceedings.ApiReference;

public static class DocumentedRefusalsExtensions
{
    /// <summary>Every stable refusal code of the domain, for the partner API documents (issue 14).</summary>
    public static IServiceCollection AddDocumentedRefusals(this IServiceCollection services) =>
        services.AddSingleton(new DocumentedRefusals(
            new[]
                {
                    typeof(Cooperation.Requests.LifecycleErrors), typeof(Cooperation.Alerts.AlertErrors), typeof(Cooperation.NonCompliance.MatterErrors),
                    typeof(Cooperation.AssemblyProcedures.AssemblyErrors), typeof(Cooperation.Consultations.ConsultationErrors),
                    typeof(Cooperation.Requests.Transit.LandingErrors), typeof(Cooperation.Requests.Arrest.ArrestErrors),
                }
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                .Select(f => (string)f.GetRawConstantValue()!)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
}
