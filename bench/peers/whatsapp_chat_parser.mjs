// Reads a WhatsApp export with whatsapp-chat-parser and prints the message count,
// so bench/bench_speed.py can time the whole process beside Unsnare's.
import { readFileSync } from "node:fs";
import { parseString } from "whatsapp-chat-parser";

const text = readFileSync(process.argv[2], "utf8");
const messages = parseString(text);
process.stdout.write(`${messages.length}\n`);
