using System.Net.Http.Headers;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Consultations;

/// <summary>
/// The partners of a consultation flow, each with its own token: the Registry's and the Prosecutor's desks
/// and the Ugandan and South African central authorities. One client that presents, for each call, the
/// token of the desk whose route it is (a consultation test plays every side in turn).
/// </summary>
public static class Desks
{
    public static HttpClient Create(PlatformFixture platform)
    {
        var client = new HttpClient(new ByRoute(platform)) { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private sealed class ByRoute(PlatformFixture platform) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var desk = path.StartsWith("/registry/", StringComparison.Ordinal) ? "registry-desk"
                : path.StartsWith("/prosecutor/", StringComparison.Ordinal) ? "prosecutor-desk"
                : path.StartsWith("/states/UGA/", StringComparison.Ordinal) ? "state-uga-cms"
                : path.StartsWith("/states/ZAF/", StringComparison.Ordinal) ? "state-zaf-cms"
                : throw new ArgumentException($"No desk for {path}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.TokenOf(desk));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
