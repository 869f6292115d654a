using Bff.Stitching;

namespace Bff.Tests.Stitching;

public sealed class DownstreamStatusTests
{
    [Theory]
    [InlineData("500", true)]
    [InlineData("502", true)]
    [InlineData("503", true)]
    [InlineData("504", true)]
    [InlineData("408", true)]
    [InlineData("429", true)]
    [InlineData("400", false)]
    [InlineData("401", false)]
    [InlineData("404", false)]
    [InlineData("409", false)]
    [InlineData("Unavailable", true)]
    [InlineData("DeadlineExceeded", true)]
    [InlineData("Internal", true)]
    [InlineData("InvalidArgument", false)]
    [InlineData("AlreadyExists", false)]
    [InlineData("PermissionDenied", false)]
    [InlineData("invalid_json", true)]
    public void Only_the_services_own_failures_are_transient(string status, bool transient) =>
        Assert.Equal(transient, DownstreamStatus.IsTransient(status));
}
