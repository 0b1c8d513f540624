package nl.dsrhub.demo;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.dsrhub.demo.MailchimpSimulator.Activity;
import nl.dsrhub.demo.MailchimpSimulator.Note;
import nl.dsrhub.demo.MailchimpSimulator.Tag;

/** A member of a Mailchimp audience as the simulator holds it: status and history change while the API is used. */
final class MailchimpMember {
    final String listId;
    final String email;
    final String firstName;
    final String lastName;
    final String phone;
    final Instant signedUp;
    final int webId;
    final List<Tag> tags = new CopyOnWriteArrayList<>();
    final List<Note> notes = new CopyOnWriteArrayList<>();
    final List<Activity> activity = new CopyOnWriteArrayList<>();
    volatile String status;
    volatile Instant lastChanged;

    MailchimpMember(String listId, String email, String firstName, String lastName, String phone, String status,
                    Instant signedUp, int webId) {
        this.listId = listId;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.status = status;
        this.signedUp = signedUp;
        this.lastChanged = signedUp;
        this.webId = webId;
    }

    String fullName() {
        return (firstName + " " + lastName).trim();
    }

    /** The member's path under the API root, by subscriber hash. */
    String selfPath() {
        return "/lists/" + listId + "/members/" + MailchimpSimulator.subscriberHash(email);
    }
}
