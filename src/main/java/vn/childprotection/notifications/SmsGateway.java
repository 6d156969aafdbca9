package vn.childprotection.notifications;

/** Sends a short text to a mobile number; throws when the gateway did not take it (the outbox tries again). */
interface SmsGateway {

    void send(String phone, String text) throws Exception;
}
