package vn.childprotection.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Documents on paper: a page template (under {@code templates/print/}) rendered by Thymeleaf like any page, read
 * into a DOM by jsoup and laid out as a PDF by openhtmltopdf. The text is set in Tinos, a serif with the metrics of
 * Times New Roman (the typeface of Vietnamese administrative documents) that covers Vietnamese fully, under the SIL
 * Open Font License; it ships in the jar ({@code fonts/}) and a subset of it is embedded in every file, so no
 * font of the server or of the reader's machine is relied on. Templates may call beans ({@code @dates},
 * {@code @people}) and messages, but not build links ({@code @{...}}): there is no request.
 */
@Component
public class PdfDocuments {

    /** The family name the templates' CSS uses. */
    public static final String FONT = "Tinos";

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final byte[] regular;
    private final byte[] bold;
    private final byte[] italic;

    PdfDocuments(SpringTemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
        this.regular = font("Tinos-Regular.ttf");
        this.bold = font("Tinos-Bold.ttf");
        this.italic = font("Tinos-Italic.ttf");
    }

    /** The template filled with the model, as PDF bytes. */
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        Context variables = new Context(locale, model);
        variables.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        String html = templates.process(template, variables);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(italic), FONT, 400, FontStyle.ITALIC, true);
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: fonts/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
