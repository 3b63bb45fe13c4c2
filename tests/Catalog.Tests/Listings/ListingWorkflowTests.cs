using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Tests.Listings;

public sealed class ListingWorkflowTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ListingWorkflow.Actor Member = new(Owner, false);
    private static readonly ListingWorkflow.Actor Stranger = new(Guid.NewGuid(), false);
    private static readonly ListingWorkflow.Actor Office = new(Guid.NewGuid(), true);

    private static ListingRecord Listing(ListingStatus status) => new() { Id = Guid.NewGuid(), OwnerOrganisationId = Owner, Status = status };

    [Fact]
    public void A_draft_goes_through_submission_to_publication()
    {
        var listing = Listing(ListingStatus.Draft);
        listing.Status = ListingWorkflow.Submit(listing, Member);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
        Assert.Equal(ListingStatus.Published, ListingWorkflow.Publish(listing, Office));
    }

    [Fact]
    public void Returning_needs_a_reason_and_a_returned_listing_can_be_resubmitted()
    {
        var listing = Listing(ListingStatus.Submitted);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => ListingWorkflow.Return(listing, Office, " ")).Field);
        listing.Status = ListingWorkflow.Return(listing, Office, "Add the licence.");
        Assert.Equal(ListingStatus.Submitted, ListingWorkflow.Submit(listing, Member));
    }

    [Fact]
    public void No_one_reviews_a_listing_of_their_own_organisation()
    {
        var listing = Listing(ListingStatus.Submitted);
        var ownOffice = new ListingWorkflow.Actor(Owner, true);
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => ListingWorkflow.Publish(listing, ownOffice)).Status);
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => ListingWorkflow.Publish(listing, Member)).Status);
    }

    [Theory]
    [InlineData(ListingStatus.Draft)]
    [InlineData(ListingStatus.Published)]
    [InlineData(ListingStatus.Returned)]
    public void Another_organisation_can_neither_edit_nor_withdraw(ListingStatus status)
    {
        var listing = Listing(status);
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => ListingWorkflow.Edit(listing, Stranger)).Status);
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => ListingWorkflow.Withdraw(listing, Stranger)).Status);
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => ListingWorkflow.Submit(listing, Stranger)).Status);
    }

    [Fact]
    public void A_submitted_listing_is_locked_and_editing_a_published_one_starts_a_draft()
    {
        Assert.Throws<DomainRuleException>(() => ListingWorkflow.Edit(Listing(ListingStatus.Submitted), Member));
        Assert.Equal(ListingStatus.Draft, ListingWorkflow.Edit(Listing(ListingStatus.Published), Member));
    }

    [Fact]
    public void Only_submitted_listings_are_published_and_withdrawn_ones_stay_withdrawn()
    {
        Assert.Throws<DomainRuleException>(() => ListingWorkflow.Publish(Listing(ListingStatus.Draft), Office));
        Assert.Throws<DomainRuleException>(() => ListingWorkflow.Withdraw(Listing(ListingStatus.Withdrawn), Member));
        Assert.Equal(ListingStatus.Withdrawn, ListingWorkflow.Withdraw(Listing(ListingStatus.Published), Office));
    }
}
