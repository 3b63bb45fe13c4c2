using Funeng.Kernel.Web;

namespace Funeng.Kernel.Tests.Web;

public sealed class RedirectTargetTests
{
    [Theory]
    [InlineData("/catalog?q=注塑", "/catalog?q=%E6%B3%A8%E5%A1%91")]
    [InlineData("/catalog?q=speech recognition", "/catalog?q=speech%20recognition")]
    [InlineData("/catalog?q=%E6%B3%A8&page=2#hits", "/catalog?q=%E6%B3%A8&page=2#hits")]
    [InlineData("/scenarios?q=😀", "/scenarios?q=%F0%9F%98%80")]
    [InlineData("/", "/")]
    public void A_local_path_is_encoded_as_a_location_header_carries_it_and_what_is_encoded_stays(string path, string expected) =>
        Assert.Equal(expected, RedirectTarget.Encoded(path));
}
