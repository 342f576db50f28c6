package io.contactcenter.crm.partner;

import java.util.Comparator;
import java.util.List;

/**
 * Which partner gets a case. Eligible: active, serves the case's product line (if it names one), works in its
 * region (if it names one) and has a free slot (open jobs below capacity). Among the eligible, the least loaded
 * (open jobs ÷ capacity) first, then the better SLA record (Laplace-smoothed: (met + 1) ÷ (met + missed + 2), so
 * a newcomer starts at 0.5 instead of a perfect score), then the id for a stable order.
 */
public final class PartnerSelector {

    public record Candidate(String partnerId, List<String> skills, String region, int capacity, int openJobs,
            boolean active, int slaMet, int slaMissed) {

        double load() {
            return (double) openJobs / capacity;
        }

        double slaScore() {
            return (slaMet + 1.0) / (slaMet + slaMissed + 2.0);
        }
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::load)
            .thenComparing(Comparator.comparingDouble(Candidate::slaScore).reversed())
            .thenComparing(Candidate::partnerId);

    private PartnerSelector() {
    }

    public static List<Candidate> rank(List<Candidate> partners, String productLine, String region) {
        return partners.stream()
                .filter(Candidate::active)
                .filter(p -> p.capacity() > 0 && p.openJobs() < p.capacity())
                .filter(p -> productLine == null || p.skills().contains(productLine))
                .filter(p -> region == null || p.region().equals(region))
                .sorted(ORDER)
                .toList();
    }
}
