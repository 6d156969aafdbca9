package vn.childprotection.notifications;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/**
 * /notifications/settings: where a person is reached (e-mail, mobile number, language of messages), what they
 * receive on which channel, and their quiet hours. Saved whole or not at all; each error beside its field.
 */
@PageController
class NotificationSettingsPage {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{9,20}");

    private final Directory directory;
    private final Preferences preferences;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final long newWorkMinutes;
    private final String digestTime;

    NotificationSettingsPage(Directory directory, Preferences preferences, Messages messages, TransactionTemplate tx,
                             @Value("${child-protection.notifications.new-work-every:PT30M}") java.time.Duration newWork,
                             @Value("${child-protection.notifications.digest-cron:0 0 7 * * *}") String digestCron) {
        this.directory = directory;
        this.preferences = preferences;
        this.messages = messages;
        this.tx = tx;
        this.newWorkMinutes = newWork.toMinutes();
        String[] cron = digestCron.trim().split("\\s+");
        this.digestTime = cron.length >= 3 && cron[2].matches("\\d+") && cron[1].matches("\\d+")
                ? String.format("%02d:%02d", Integer.parseInt(cron[2]), Integer.parseInt(cron[1])) : digestCron;
    }

    @GetMapping("/notifications/settings")
    String show(@AuthenticationPrincipal StaffPrincipal user, @RequestParam(required = false) String saved, Model model) {
        Directory.Recipient me = directory.recipient(user.getUsername()).orElseThrow();
        Preferences.Settings settings = preferences.of(user.getUsername());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", me.email() == null ? "" : me.email());
        values.put("phone", me.phone() == null ? "" : me.phone());
        values.put("language", me.language() == null ? "vi" : me.language());
        values.put("quietFrom", settings.quiet() == null ? "" : settings.quiet().from().toString());
        values.put("quietTo", settings.quiet() == null ? "" : settings.quiet().to().toString());
        Map<Preferences.Topic, Map<Preferences.Channel, Boolean>> on = new EnumMap<>(Preferences.Topic.class);
        for (Preferences.Topic topic : Preferences.Topic.values()) {
            for (Preferences.Channel channel : Preferences.Channel.values()) {
                on.computeIfAbsent(topic, t -> new EnumMap<>(Preferences.Channel.class))
                        .put(channel, settings.wants(topic, channel));
            }
        }
        return page(model, values, on, Map.of(), saved != null);
    }

    @PostMapping("/notifications/settings")
    String save(@AuthenticationPrincipal StaffPrincipal user, @RequestParam MultiValueMap<String, String> form,
                Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : new String[] {"email", "phone", "language", "quietFrom", "quietTo"}) {
            String value = form.getFirst(field);
            values.put(field, value == null ? "" : value.strip());
        }
        Map<Preferences.Topic, Map<Preferences.Channel, Boolean>> on = new EnumMap<>(Preferences.Topic.class);
        for (Preferences.Topic topic : Preferences.Topic.values()) {
            for (Preferences.Channel channel : Preferences.Channel.values()) {
                on.computeIfAbsent(topic, t -> new EnumMap<>(Preferences.Channel.class))
                        .put(channel, form.containsKey(topic + "." + channel));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String email = values.get("email");
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.put("email", messages.text("validation.email"));
        }
        String phone = values.get("phone");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.put("phone", messages.text("validation.phone"));
        }
        String language = values.get("language").equals("en") ? "en" : "vi";
        Preferences.Quiet quiet = null;
        if (values.get("quietFrom").isEmpty() != values.get("quietTo").isEmpty()) {
            errors.put(values.get("quietFrom").isEmpty() ? "quietFrom" : "quietTo", messages.text("settings.quietBoth"));
        } else if (!values.get("quietFrom").isEmpty()) {
            try {
                quiet = new Preferences.Quiet(LocalTime.parse(values.get("quietFrom")), LocalTime.parse(values.get("quietTo")));
            } catch (DateTimeParseException e) {
                errors.put("quietFrom", messages.text("problem.field.unreadable"));
            }
        }
        if (!errors.isEmpty()) {
            return page(model, values, on, errors, false);
        }
        Preferences.Quiet quietHours = quiet;
        tx.executeWithoutResult(s -> {
            directory.setContact(user.getUsername(), email.isEmpty() ? null : email, phone.isEmpty() ? null : phone,
                    language);
            preferences.save(user.getUsername(), on, quietHours);
        });
        return "redirect:/notifications/settings?saved";
    }

    private String page(Model model, Map<String, String> values, Map<Preferences.Topic, Map<Preferences.Channel, Boolean>> on,
                        Map<String, String> errors, boolean saved) {
        model.addAttribute("values", values);
        // the boxes by name ("URGENT.EMAIL"), as the form sends them
        Map<String, Boolean> checked = new LinkedHashMap<>();
        on.forEach((topic, channels) -> channels.forEach((channel, yes) -> checked.put(topic + "." + channel, yes)));
        model.addAttribute("on", checked);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("topics", Preferences.Topic.values());
        model.addAttribute("channels", Preferences.Channel.values());
        model.addAttribute("newWorkMinutes", newWorkMinutes);
        model.addAttribute("digestTime", digestTime);
        return "notifications/settings";
    }
}
