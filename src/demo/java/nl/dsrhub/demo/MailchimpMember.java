package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.dsrhub.demo.MailchimpSimulator.Activity;
import nl.dsrhub.demo.MailchimpSimulator.Note;
import nl.dsrhub.demo.MailchimpSimulator.Tag;

/**
 * A member of a Mailchimp audience as the simulator holds it: address, names, status and history change while the
 * API is used. The contact ids are fixed when the member is created: a changed e-mail address keeps the same
 * contact (and its tags, notes and activity), only its subscriber hash changes.
 */
final class MailchimpMember {
    final String listId;
    final Instant signedUp;
    final int webId;
    final String contactId;
    final String uniqueEmailId;
    final List<Tag> tags = new CopyOnWriteArrayList<>();
    final List<Note> notes = new CopyOnWriteArrayList<>();
    final List<Activity> activity = new CopyOnWriteArrayList<>();
    volatile String email;
    volatile String firstName;
    volatile String lastName;
    volatile String phone;
    /** The ADDRESS merge field ({@code addr1, addr2, city, state, zip, country}), or {@code null} when empty. */
    volatile ObjectNode address;
    volatile String status;
    /**
     * The member unsubscribed themselves (the link in a campaign): Mailchimp then refuses an API re-subscribe
     * ("Member In Compliance State"); an unsubscribe made through the API does not set this.
     */
    volatile boolean unsubscribedThemselves;
    volatile Instant lastChanged;

    MailchimpMember(String listId, String email, String firstName, String lastName, String phone, String status,
                    Instant signedUp, int webId) {
        this.listId = listId;
        this.email = email;
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
        this.phone = phone;
        this.status = status;
        this.signedUp = signedUp;
        this.lastChanged = signedUp;
        this.webId = webId;
        String lower = email.trim().toLowerCase(Locale.ROOT);
        this.contactId = MailchimpSimulator.md5("contact:" + lower);
        this.uniqueEmailId = MailchimpSimulator.md5("unique:" + lower).substring(0, 10);
    }

    String fullName() {
        return (firstName + " " + lastName).trim();
    }

    /** The member's subscriber hash now: MD5 of its current lower-case address. */
    String hash() {
        return MailchimpSimulator.subscriberHash(email);
    }

    /** The member's path under the API root, by subscriber hash. */
    String selfPath() {
        return "/lists/" + listId + "/members/" + hash();
    }
}
