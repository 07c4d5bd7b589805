# esp32s3 camera pipeline: frame buffers in PSRAM, DMA descriptors inside.
#
# An ESP32-S3 camera streaming JPEG over Wi-Fi:
#   boot      the 8 MiB PSRAM joins the heaps, the start-up stacks too;
#   camera    three 320x240 RGB565 frame buffers (153600 bytes each) in
#             PSRAM, 64-byte aligned for the cache and the GDMA; for each,
#             its chain of 38 DMA descriptors (12 bytes each, one per 4092
#             bytes) zeroed in internal DMA-capable RAM; two 7680-byte line
#             buffers in internal DMA RAM; a 64 KiB JPEG work area in PSRAM;
#   stream    120 frames: each JPEG (15..40 KiB) in PSRAM, a small internal
#             network buffer per frame, the previous frame's buffers freed;
#   overload  someone asks for a 600 KiB frame buffer in internal DMA RAM,
#             which the chip does not have.
# Expected outcome (tests/sim): exactly one failed request, the overload,
# failing for lack of memory (not of capability); the frame buffers and
# JPEGs live in SPIRAM (its peak is above 3 x 153600), the descriptors in
# internal RAM; integrity checks pass.
chip esp32s3

phase boot
region SPIRAM
deferred
phase camera
alloc fb0 153600 SPIRAM|8BIT align 64
calloc desc0 38 12 DMA|INTERNAL
alloc fb1 153600 SPIRAM|8BIT align 64
calloc desc1 38 12 DMA|INTERNAL
alloc fb2 153600 SPIRAM|8BIT align 64
calloc desc2 38 12 DMA|INTERNAL
alloc line0 7680 DMA|INTERNAL
alloc line1 7680 DMA|INTERNAL
alloc jpeg_work 64K SPIRAM
check
phase stream
alloc jpeg0 30183 SPIRAM
alloc net0 1346 INTERNAL|8BIT
alloc jpeg1 40958 SPIRAM
alloc net1 1153 INTERNAL|8BIT
free jpeg0
free net0
alloc jpeg2 30165 SPIRAM
alloc net2 1240 INTERNAL|8BIT
free jpeg1
free net1
alloc jpeg3 34607 SPIRAM
alloc net3 588 INTERNAL|8BIT
free jpeg2
free net2
alloc jpeg4 21410 SPIRAM
alloc net4 1248 INTERNAL|8BIT
free jpeg3
free net3
alloc jpeg5 30949 SPIRAM
alloc net5 581 INTERNAL|8BIT
free jpeg4
free net4
alloc jpeg6 18444 SPIRAM
alloc net6 1114 INTERNAL|8BIT
free jpeg5
free net5
alloc jpeg7 25301 SPIRAM
alloc net7 490 INTERNAL|8BIT
free jpeg6
free net6
alloc jpeg8 18331 SPIRAM
alloc net8 1303 INTERNAL|8BIT
free jpeg7
free net7
alloc jpeg9 38082 SPIRAM
alloc net9 285 INTERNAL|8BIT
free jpeg8
free net8
alloc jpeg10 34871 SPIRAM
alloc net10 1011 INTERNAL|8BIT
free jpeg9
free net9
alloc jpeg11 30203 SPIRAM
alloc net11 522 INTERNAL|8BIT
free jpeg10
free net10
alloc jpeg12 35778 SPIRAM
alloc net12 230 INTERNAL|8BIT
free jpeg11
free net11
alloc jpeg13 32673 SPIRAM
alloc net13 329 INTERNAL|8BIT
free jpeg12
free net12
alloc jpeg14 17311 SPIRAM
alloc net14 273 INTERNAL|8BIT
free jpeg13
free net13
alloc jpeg15 21592 SPIRAM
alloc net15 695 INTERNAL|8BIT
free jpeg14
free net14
alloc jpeg16 35008 SPIRAM
alloc net16 261 INTERNAL|8BIT
free jpeg15
free net15
alloc jpeg17 40857 SPIRAM
alloc net17 1150 INTERNAL|8BIT
free jpeg16
free net16
alloc jpeg18 26051 SPIRAM
alloc net18 1102 INTERNAL|8BIT
free jpeg17
free net17
alloc jpeg19 34724 SPIRAM
alloc net19 600 INTERNAL|8BIT
free jpeg18
free net18
alloc jpeg20 32370 SPIRAM
alloc net20 678 INTERNAL|8BIT
free jpeg19
free net19
alloc jpeg21 36341 SPIRAM
alloc net21 802 INTERNAL|8BIT
free jpeg20
free net20
alloc jpeg22 31736 SPIRAM
alloc net22 209 INTERNAL|8BIT
free jpeg21
free net21
alloc jpeg23 37067 SPIRAM
alloc net23 374 INTERNAL|8BIT
free jpeg22
free net22
alloc jpeg24 30345 SPIRAM
alloc net24 769 INTERNAL|8BIT
free jpeg23
free net23
alloc jpeg25 28689 SPIRAM
alloc net25 1328 INTERNAL|8BIT
free jpeg24
free net24
alloc jpeg26 18086 SPIRAM
alloc net26 720 INTERNAL|8BIT
free jpeg25
free net25
alloc jpeg27 25691 SPIRAM
alloc net27 670 INTERNAL|8BIT
free jpeg26
free net26
alloc jpeg28 32166 SPIRAM
alloc net28 791 INTERNAL|8BIT
free jpeg27
free net27
alloc jpeg29 16334 SPIRAM
alloc net29 343 INTERNAL|8BIT
free jpeg28
free net28
alloc jpeg30 33813 SPIRAM
alloc net30 421 INTERNAL|8BIT
free jpeg29
free net29
alloc jpeg31 28480 SPIRAM
alloc net31 420 INTERNAL|8BIT
free jpeg30
free net30
alloc jpeg32 24892 SPIRAM
alloc net32 991 INTERNAL|8BIT
free jpeg31
free net31
alloc jpeg33 17549 SPIRAM
alloc net33 234 INTERNAL|8BIT
free jpeg32
free net32
alloc jpeg34 37802 SPIRAM
alloc net34 201 INTERNAL|8BIT
free jpeg33
free net33
alloc jpeg35 22356 SPIRAM
alloc net35 629 INTERNAL|8BIT
free jpeg34
free net34
alloc jpeg36 17074 SPIRAM
alloc net36 1162 INTERNAL|8BIT
free jpeg35
free net35
alloc jpeg37 27663 SPIRAM
alloc net37 1013 INTERNAL|8BIT
free jpeg36
free net36
alloc jpeg38 29115 SPIRAM
alloc net38 349 INTERNAL|8BIT
free jpeg37
free net37
alloc jpeg39 33914 SPIRAM
alloc net39 606 INTERNAL|8BIT
free jpeg38
free net38
alloc jpeg40 40870 SPIRAM
alloc net40 752 INTERNAL|8BIT
free jpeg39
free net39
alloc jpeg41 26399 SPIRAM
alloc net41 378 INTERNAL|8BIT
free jpeg40
free net40
alloc jpeg42 25557 SPIRAM
alloc net42 881 INTERNAL|8BIT
free jpeg41
free net41
alloc jpeg43 15856 SPIRAM
alloc net43 1039 INTERNAL|8BIT
free jpeg42
free net42
alloc jpeg44 40199 SPIRAM
alloc net44 441 INTERNAL|8BIT
free jpeg43
free net43
alloc jpeg45 19770 SPIRAM
alloc net45 704 INTERNAL|8BIT
free jpeg44
free net44
alloc jpeg46 38527 SPIRAM
alloc net46 406 INTERNAL|8BIT
free jpeg45
free net45
alloc jpeg47 15718 SPIRAM
alloc net47 322 INTERNAL|8BIT
free jpeg46
free net46
alloc jpeg48 30595 SPIRAM
alloc net48 1197 INTERNAL|8BIT
free jpeg47
free net47
alloc jpeg49 21182 SPIRAM
alloc net49 1345 INTERNAL|8BIT
free jpeg48
free net48
alloc jpeg50 21533 SPIRAM
alloc net50 1116 INTERNAL|8BIT
free jpeg49
free net49
alloc jpeg51 32034 SPIRAM
alloc net51 590 INTERNAL|8BIT
free jpeg50
free net50
alloc jpeg52 39342 SPIRAM
alloc net52 468 INTERNAL|8BIT
free jpeg51
free net51
alloc jpeg53 29097 SPIRAM
alloc net53 985 INTERNAL|8BIT
free jpeg52
free net52
alloc jpeg54 19177 SPIRAM
alloc net54 1008 INTERNAL|8BIT
free jpeg53
free net53
alloc jpeg55 29147 SPIRAM
alloc net55 635 INTERNAL|8BIT
free jpeg54
free net54
alloc jpeg56 15375 SPIRAM
alloc net56 752 INTERNAL|8BIT
free jpeg55
free net55
alloc jpeg57 34782 SPIRAM
alloc net57 822 INTERNAL|8BIT
free jpeg56
free net56
alloc jpeg58 16003 SPIRAM
alloc net58 631 INTERNAL|8BIT
free jpeg57
free net57
alloc jpeg59 21497 SPIRAM
alloc net59 1007 INTERNAL|8BIT
free jpeg58
free net58
alloc jpeg60 35086 SPIRAM
alloc net60 1381 INTERNAL|8BIT
free jpeg59
free net59
alloc jpeg61 18647 SPIRAM
alloc net61 286 INTERNAL|8BIT
free jpeg60
free net60
alloc jpeg62 20155 SPIRAM
alloc net62 636 INTERNAL|8BIT
free jpeg61
free net61
alloc jpeg63 29828 SPIRAM
alloc net63 728 INTERNAL|8BIT
free jpeg62
free net62
alloc jpeg64 15673 SPIRAM
alloc net64 873 INTERNAL|8BIT
free jpeg63
free net63
alloc jpeg65 25069 SPIRAM
alloc net65 990 INTERNAL|8BIT
free jpeg64
free net64
alloc jpeg66 17765 SPIRAM
alloc net66 352 INTERNAL|8BIT
free jpeg65
free net65
alloc jpeg67 18312 SPIRAM
alloc net67 627 INTERNAL|8BIT
free jpeg66
free net66
alloc jpeg68 34455 SPIRAM
alloc net68 697 INTERNAL|8BIT
free jpeg67
free net67
alloc jpeg69 15868 SPIRAM
alloc net69 955 INTERNAL|8BIT
free jpeg68
free net68
alloc jpeg70 27539 SPIRAM
alloc net70 1128 INTERNAL|8BIT
free jpeg69
free net69
alloc jpeg71 19528 SPIRAM
alloc net71 1190 INTERNAL|8BIT
free jpeg70
free net70
alloc jpeg72 34187 SPIRAM
alloc net72 477 INTERNAL|8BIT
free jpeg71
free net71
alloc jpeg73 28011 SPIRAM
alloc net73 574 INTERNAL|8BIT
free jpeg72
free net72
alloc jpeg74 35913 SPIRAM
alloc net74 515 INTERNAL|8BIT
free jpeg73
free net73
alloc jpeg75 25544 SPIRAM
alloc net75 667 INTERNAL|8BIT
free jpeg74
free net74
alloc jpeg76 35363 SPIRAM
alloc net76 710 INTERNAL|8BIT
free jpeg75
free net75
alloc jpeg77 39129 SPIRAM
alloc net77 588 INTERNAL|8BIT
free jpeg76
free net76
alloc jpeg78 20552 SPIRAM
alloc net78 1334 INTERNAL|8BIT
free jpeg77
free net77
alloc jpeg79 21801 SPIRAM
alloc net79 995 INTERNAL|8BIT
free jpeg78
free net78
alloc jpeg80 31171 SPIRAM
alloc net80 360 INTERNAL|8BIT
free jpeg79
free net79
alloc jpeg81 29170 SPIRAM
alloc net81 297 INTERNAL|8BIT
free jpeg80
free net80
alloc jpeg82 18762 SPIRAM
alloc net82 423 INTERNAL|8BIT
free jpeg81
free net81
alloc jpeg83 16628 SPIRAM
alloc net83 1249 INTERNAL|8BIT
free jpeg82
free net82
alloc jpeg84 23721 SPIRAM
alloc net84 688 INTERNAL|8BIT
free jpeg83
free net83
alloc jpeg85 39602 SPIRAM
alloc net85 1002 INTERNAL|8BIT
free jpeg84
free net84
alloc jpeg86 23780 SPIRAM
alloc net86 1061 INTERNAL|8BIT
free jpeg85
free net85
alloc jpeg87 34905 SPIRAM
alloc net87 1205 INTERNAL|8BIT
free jpeg86
free net86
alloc jpeg88 24975 SPIRAM
alloc net88 1265 INTERNAL|8BIT
free jpeg87
free net87
alloc jpeg89 21108 SPIRAM
alloc net89 340 INTERNAL|8BIT
free jpeg88
free net88
alloc jpeg90 19501 SPIRAM
alloc net90 667 INTERNAL|8BIT
free jpeg89
free net89
alloc jpeg91 31065 SPIRAM
alloc net91 1345 INTERNAL|8BIT
free jpeg90
free net90
alloc jpeg92 36774 SPIRAM
alloc net92 351 INTERNAL|8BIT
free jpeg91
free net91
alloc jpeg93 24542 SPIRAM
alloc net93 634 INTERNAL|8BIT
free jpeg92
free net92
alloc jpeg94 22043 SPIRAM
alloc net94 233 INTERNAL|8BIT
free jpeg93
free net93
alloc jpeg95 17626 SPIRAM
alloc net95 751 INTERNAL|8BIT
free jpeg94
free net94
alloc jpeg96 28841 SPIRAM
alloc net96 1112 INTERNAL|8BIT
free jpeg95
free net95
alloc jpeg97 23521 SPIRAM
alloc net97 323 INTERNAL|8BIT
free jpeg96
free net96
alloc jpeg98 16886 SPIRAM
alloc net98 560 INTERNAL|8BIT
free jpeg97
free net97
alloc jpeg99 24599 SPIRAM
alloc net99 955 INTERNAL|8BIT
free jpeg98
free net98
alloc jpeg100 32759 SPIRAM
alloc net100 1371 INTERNAL|8BIT
free jpeg99
free net99
alloc jpeg101 19671 SPIRAM
alloc net101 388 INTERNAL|8BIT
free jpeg100
free net100
alloc jpeg102 27226 SPIRAM
alloc net102 483 INTERNAL|8BIT
free jpeg101
free net101
alloc jpeg103 30116 SPIRAM
alloc net103 877 INTERNAL|8BIT
free jpeg102
free net102
alloc jpeg104 36886 SPIRAM
alloc net104 1268 INTERNAL|8BIT
free jpeg103
free net103
alloc jpeg105 34510 SPIRAM
alloc net105 487 INTERNAL|8BIT
free jpeg104
free net104
alloc jpeg106 34689 SPIRAM
alloc net106 271 INTERNAL|8BIT
free jpeg105
free net105
alloc jpeg107 15946 SPIRAM
alloc net107 1172 INTERNAL|8BIT
free jpeg106
free net106
alloc jpeg108 27073 SPIRAM
alloc net108 838 INTERNAL|8BIT
free jpeg107
free net107
alloc jpeg109 16459 SPIRAM
alloc net109 243 INTERNAL|8BIT
free jpeg108
free net108
alloc jpeg110 34967 SPIRAM
alloc net110 353 INTERNAL|8BIT
free jpeg109
free net109
alloc jpeg111 31161 SPIRAM
alloc net111 337 INTERNAL|8BIT
free jpeg110
free net110
alloc jpeg112 39296 SPIRAM
alloc net112 837 INTERNAL|8BIT
free jpeg111
free net111
alloc jpeg113 25809 SPIRAM
alloc net113 479 INTERNAL|8BIT
free jpeg112
free net112
alloc jpeg114 17733 SPIRAM
alloc net114 354 INTERNAL|8BIT
free jpeg113
free net113
alloc jpeg115 30206 SPIRAM
alloc net115 1318 INTERNAL|8BIT
free jpeg114
free net114
alloc jpeg116 27411 SPIRAM
alloc net116 291 INTERNAL|8BIT
free jpeg115
free net115
alloc jpeg117 39512 SPIRAM
alloc net117 465 INTERNAL|8BIT
free jpeg116
free net116
alloc jpeg118 26554 SPIRAM
alloc net118 920 INTERNAL|8BIT
free jpeg117
free net117
alloc jpeg119 18142 SPIRAM
alloc net119 1169 INTERNAL|8BIT
free jpeg118
free net118
check
phase overload
alloc fb_internal 600K DMA|INTERNAL
check
