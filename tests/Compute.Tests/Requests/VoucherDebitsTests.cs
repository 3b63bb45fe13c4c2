using Funeng.Compute.Data;
using Funeng.Compute.Vouchers;

namespace Funeng.Compute.Tests.Requests;

public sealed class VoucherDebitsTests
{
    [Fact]
    public void Device_hour_vouchers_cover_hours_first_then_yuan_vouchers_cover_the_cost_of_the_rest()
    {
        var hours = new VoucherBalance(Guid.NewGuid(), VoucherUnit.DeviceHours, 100, 30);
        var yuan = new VoucherBalance(Guid.NewGuid(), VoucherUnit.Yuan, 1000, 1000);

        var (debits, paid) = VoucherDebits.Split([yuan, hours], cost: 400m, deviceHours: 40);

        Assert.Equal([(hours.Id, 30m), (yuan.Id, 100m)], debits); // 10 h left of 40 = a quarter of ¥400
        Assert.Equal(0m, paid);
    }

    [Fact]
    public void The_enterprise_pays_what_its_vouchers_do_not_cover()
    {
        var yuan = new VoucherBalance(Guid.NewGuid(), VoucherUnit.Yuan, 100, 50);

        var (debits, paid) = VoucherDebits.Split([yuan], cost: 200m, deviceHours: 20);

        Assert.Equal([(yuan.Id, 50m)], debits);
        Assert.Equal(150m, paid);
    }

    [Fact]
    public void An_empty_voucher_is_not_debited()
    {
        var empty = new VoucherBalance(Guid.NewGuid(), VoucherUnit.DeviceHours, 10, 0);

        var (debits, paid) = VoucherDebits.Split([empty], cost: 20m, deviceHours: 2);

        Assert.Empty(debits);
        Assert.Equal(20m, paid);
    }
}
