using System.Text.Json;
using Cooperation.Requests;

namespace Cooperation.Tests.Requests;

/// <summary>
/// Clients generated from the OpenAPI documents send every property, absent lists as explicit <c>null</c>
/// (issue 14, GeneratedClientTests): the contents read them as empty, so the completeness check (Art 91(2),
/// 96(2)) judges what is there instead of failing on a missing list.
/// </summary>
public sealed class RequestContentsNullListsTests
{
    [Fact]
    public void Explicit_null_lists_in_the_contents_are_read_as_empty()
    {
        var contents = JsonSerializer.Deserialize<RequestContents>(
            """{ "supportingDocuments": null, "personsAndPlaces": null, "protectiveMeasures": null }""", JsonSerializerOptions.Web)!;
        Assert.Empty(contents.SupportingDocuments);
        Assert.Empty(contents.PersonsAndPlaces);
        Assert.Empty(contents.ProtectiveMeasures);
    }
}
