using Cooperation.Consoles.Gateway;
using Cooperation.Consoles.Signin;
using Microsoft.AspNetCore.Components;

namespace Cooperation.Consoles.Components.Shared;

/// <summary>
/// A page of one desk: it loads what the desk's token may read, answers "not found" for anything the
/// API refuses or hides (another State's request, another desk's page), and, when <see cref="LiveEvery"/>
/// is set, re-reads the API on the server while the circuit lives, so the page updates without a refresh.
/// </summary>
public abstract class DeskPage : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _live;

    [Inject] protected GatewayApi Api { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected DeskPerson? Person { get; private set; }
    protected bool NotFound { get; private set; }
    /// <summary>The last answer that was not a success (session ended, platform unreachable), for the notice.</summary>
    protected ApiAnswer? Trouble { get; private set; }
    protected bool Ready => RendererInfo.IsInteractive;

    protected abstract bool Admits(Desk desk);
    protected abstract Task LoadAsync(CancellationToken ct);
    protected virtual TimeSpan? LiveEvery => null;

    protected override async Task OnInitializedAsync()
    {
        Person = await Api.PersonAsync();
        if (Person is null || !Admits(Person.Desk))
        {
            MarkNotFound();
            return;
        }
        await LoadAsync(_stop.Token);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && LiveEvery is { } every && !NotFound)
            _live = LiveAsync(every);
    }

    private async Task LiveAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await InvokeAsync(async () =>
                {
                    await LoadAsync(_stop.Token);
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    /// <summary>Keeps the answer's trouble for the notice; a 404 turns the page into "not found". True when it succeeded.</summary>
    protected bool Accept(ApiAnswer answer)
    {
        if (answer.Ok)
        {
            Trouble = null;
            return true;
        }
        if (answer.Status == System.Net.HttpStatusCode.NotFound) MarkNotFound();
        else if (answer.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.ServiceUnavailable) Trouble = answer;
        return false;
    }

    /// <summary>The router's not-found page; prerendered, the answer is 404, as the API's.</summary>
    private void MarkNotFound()
    {
        if (NotFound) return;
        NotFound = true;
        Navigation.NotFound();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_live is not null) await _live;
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
