namespace Bff.Tests.Streams;

/// <summary>Waits (bounded) for something another process does asynchronously, such as a service seeing a cancellation.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; waited < 15_000; waited += 20)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("Still not true after 15 s: " + what);
    }
}
