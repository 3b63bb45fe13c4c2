using Funeng.Compute.Data;
using Funeng.Compute.Engines;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>
/// The three public centres the Guangdong sources name. Their pools, prices and latencies are INVENTED for the
/// demo (marked IsDemo, shown as 演示 / demo): no source gives them.
/// </summary>
internal sealed class ComputeDemoSeeder(ComputeDb db, TimeProvider time) : Kernel.Startup.IDemoSeeder
{
    public static readonly Guid GuangzhouCentre = Guid.Parse("0c000000-0000-4000-8000-000000000001");
    public static readonly Guid PengChengCloudBrain = Guid.Parse("0c000000-0000-4000-8000-000000000002");
    public static readonly Guid HengqinCentre = Guid.Parse("0c000000-0000-4000-8000-000000000003");
    public static readonly Guid ComputeCentreOrganisation = Guid.Parse("0d000000-0000-4000-8000-000000000006");
    public static readonly Guid DemoEnterprise = Guid.Parse("0d000000-0000-4000-8000-000000000003");

    public async Task<IReadOnlyList<ProblemMessage>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Centres.AnyAsync(c => c.Id == GuangzhouCentre, cancellationToken))
        {
            return [];
        }

        var now = time.GetUtcNow();
        db.Centres.AddRange(
            Centre(GuangzhouCentre, "广州人工智能公共算力中心", "Guangzhou AI Public Compute Center", ComputeCentreOrganisation, "guangzhou", CentreTier.Provincial, now,
                Pool("gz-ascend-910b", "Ascend 910B", 512, 313, 78, 64, "HCCS + 200G RoCE", 9.5m),
                Pool("gz-a800", "A800 80GB", 128, 312, 19.5, 80, "NVLink + 200G IB", 14m)),
            Centre(PengChengCloudBrain, "鹏城云脑", "Peng Cheng Cloud Brain", Guid.Empty, "shenzhen", CentreTier.NationalHub, now.AddSeconds(1),
                Pool("pc-ascend-910", "Ascend 910", 2048, 256, 64, 32, "HCCS + 100G RoCE", 7m)),
            Centre(HengqinCentre, "横琴先进智能计算中心", "Hengqin Advanced Intelligent Computing Center", Guid.Empty, "zhuhai", CentreTier.UrbanEdge, now.AddSeconds(2),
                Pool("hq-ascend-910", "Ascend 910", 256, 256, 64, 32, "HCCS + 100G RoCE", 8m)));
        // Invented round-trip latencies (ms): within a city well under 1 ms, across the Pearl River Delta a few ms.
        (Guid Centre, string City, double Ms)[] latencies =
        [
            (GuangzhouCentre, "guangzhou", 0.4), (GuangzhouCentre, "foshan", 0.8), (GuangzhouCentre, "shenzhen", 2.5), (GuangzhouCentre, "zhuhai", 3.0), (GuangzhouCentre, "zhongshan", 2.0),
            (PengChengCloudBrain, "shenzhen", 0.3), (PengChengCloudBrain, "dongguan", 0.9), (PengChengCloudBrain, "guangzhou", 2.5), (PengChengCloudBrain, "zhuhai", 3.5), (PengChengCloudBrain, "zhongshan", 3.0),
            (HengqinCentre, "zhuhai", 0.4), (HengqinCentre, "zhongshan", 0.9), (HengqinCentre, "guangzhou", 3.0), (HengqinCentre, "shenzhen", 3.5),
        ];
        db.Latencies.AddRange(latencies.Select(l => new LatencyRecord { CentreId = l.Centre, CitySlug = l.City, Milliseconds = l.Ms, IsDemo = true }));
        db.Vouchers.Add(new VoucherRecord
        {
            Id = Guid.Parse("0e000000-0000-4000-8000-000000000001"), OrganisationId = DemoEnterprise, Unit = VoucherUnit.DeviceHours, Amount = 1000,
            Note = StoredMessage.Write(ProblemMessage.Of("compute.vouchers.demo-note")), GrantedBy = "demo", GrantedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return [ProblemMessage.Of("compute.demo.seeded", 3, 1000)];
    }

    private static CentreRecord Centre(Guid id, string zh, string en, Guid operatorId, string city, CentreTier tier, DateTimeOffset at, params PoolRecord[] pools) =>
        new() { Id = id, NameZh = zh, NameEn = en, OperatorOrganisationId = operatorId, CitySlug = city, Tier = tier, IsDemo = true, CreatedAt = at, Pools = [.. pools] };

    private static PoolRecord Pool(string name, string accelerator, int devices, double fp16, double fp32, double memoryGb, string interconnect, decimal price) => new()
    {
        Id = Guid.NewGuid(), Name = name, Accelerator = accelerator, Devices = devices, Fp16Tflops = fp16, Fp32Tflops = fp32, MemoryGb = memoryGb,
        Interconnect = interconnect, PricePerDeviceHour = price, Engine = SimulatorEngine.EngineName, IsDemo = true,
    };
}
