package frontdesk.ticket;

/**
 * A staff member, as the channel they work in knows them.
 *
 * @param id unique on that channel, e.g. {@code telegram:12345}
 * @param name what customers and colleagues see
 */
public record StaffMember(String id, String name) {
}
