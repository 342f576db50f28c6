package io.contactcenter.routing.engine;

/**
 * How a queue picks among eligible agents with spare capacity. Ties always fall back to longest idle,
 * then agent id, so a pass is deterministic (except {@link #WEIGHTED_RANDOM}).
 */
public enum Strategy {
    /** The agent idle the longest (app_queue {@code leastrecent}, Connect's default). */
    LONGEST_IDLE,
    /** The agent who handled the fewest contacts since logging in ({@code fewestcalls}). */
    FEWEST_CONTACTS,
    /** The agent with the least talk time since logging in. */
    LEAST_TALK_TIME,
    /** The next agent after the one offered last in this queue, in agent-id order ({@code rrmemory}). */
    ROUND_ROBIN,
    /** Always from the top: lowest membership level first, then agent id ({@code linear}). */
    TOP_DOWN,
    /** Highest summed proficiency on the contact's required skills (ties: longest idle). */
    BEST_SKILL_MATCH,
    /** Random, weighted by the membership weight. */
    WEIGHTED_RANDOM
}
