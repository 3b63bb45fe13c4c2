using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Listings;

/// <summary>What someone may do to a listing, and the resulting status. Pure rules, tested without a host.</summary>
internal static class ListingWorkflow
{
    /// <summary>The acting user as the rules see them.</summary>
    public sealed record Actor(Guid? OrganisationId, bool IsOffice)
    {
        public bool Owns(ListingRecord listing) => OrganisationId == listing.OwnerOrganisationId;
    }

    /// <summary>Owners edit their working copy; editing a published or withdrawn listing starts a new draft.</summary>
    public static ListingStatus Edit(ListingRecord listing, Actor actor)
    {
        RequireOwner(listing, actor);
        return listing.Status switch
        {
            ListingStatus.Submitted => throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.submitted-listing-under-review-cannot"), "status"),
            _ => ListingStatus.Draft,
        };
    }

    public static ListingStatus Submit(ListingRecord listing, Actor actor)
    {
        RequireOwner(listing, actor);
        return listing.Status is ListingStatus.Draft or ListingStatus.Returned
            ? ListingStatus.Submitted
            : throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.not-submittable", ProblemMessage.Of("catalog.status." + listing.Status.ToString().ToLowerInvariant())), "status");
    }

    public static ListingStatus Publish(ListingRecord listing, Actor actor)
    {
        RequireReviewer(listing, actor);
        return listing.Status == ListingStatus.Submitted
            ? ListingStatus.Published
            : throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-submitted-listing-published"), "status");
    }

    public static ListingStatus Return(ListingRecord listing, Actor actor, string? reason)
    {
        RequireReviewer(listing, actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.say-why-listing-returned-owner"), "reason", 422);
        }

        return listing.Status == ListingStatus.Submitted
            ? ListingStatus.Returned
            : throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-submitted-listing-returned"), "status");
    }

    public static ListingStatus Withdraw(ListingRecord listing, Actor actor)
    {
        if (!actor.IsOffice)
        {
            RequireOwner(listing, actor);
        }

        return listing.Status == ListingStatus.Withdrawn
            ? throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.listing-already-withdrawn"), "status")
            : ListingStatus.Withdrawn;
    }

    private static void RequireOwner(ListingRecord listing, Actor actor)
    {
        if (!actor.Owns(listing))
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-members-organisation-that-owns"), "ownerOrganisationId", 403);
        }
    }

    private static void RequireReviewer(ListingRecord listing, Actor actor)
    {
        if (!actor.IsOffice)
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.only-office-staff-review-listings"), null, 403);
        }

        if (actor.Owns(listing))
        {
            throw new DomainRuleException(ProblemMessage.Of("catalog.refusal.one-reviews-listing-own-organisation"), "ownerOrganisationId", 403);
        }
    }
}
