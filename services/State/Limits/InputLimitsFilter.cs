using Cooperation.Contracts.Limits;
using Cooperation.ServiceDefaults.Problems;

namespace Cooperation.State.Limits;

public static class InputLimitsFilter
{
    /// <summary>
    /// Refuses a <typeparamref name="TBody"/> with any text or list over <see cref="StateInputLimits"/>: 422
    /// naming every such field, before the command runs. Add it before <c>WithIdempotency</c>, so the
    /// refusal is not kept as the key's answer (nothing happened that a retry must repeat).
    /// </summary>
    public static RouteHandlerBuilder WithStateInputLimits<TBody>(this RouteHandlerBuilder builder) where TBody : class =>
        builder.AddEndpointFilter(async (context, next) =>
            {
                var over = StateInputLimits.Check(context.Arguments.OfType<TBody>().FirstOrDefault());
                return over.Count > 0
                    ? Problems.LimitExceeded(Problems.Errors(over.Select(e => (e.Element, e.Problem))))
                    : await next(context);
            })
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}
