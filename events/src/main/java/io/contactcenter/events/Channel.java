package io.contactcenter.events;

/** Media a contact arrives on; agents have a capacity per channel. */
public enum Channel {
    VOICE, CALLBACK, CHAT, EMAIL, SMS, WEB
}
