using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.ServiceDefaults.Audit;

internal static class AuditExtensions
{
    /// <summary>The audit interceptor; AddCooperationDatabase adds it to both providers' contexts.</summary>
    public static IServiceCollection AddCooperationAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditSaveInterceptor>();
        return services;
    }
}
